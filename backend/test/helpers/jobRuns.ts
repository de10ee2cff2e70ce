/** Shared steps of the job tests: wait for a job's outcome, and let pushed notifications land. */
import type { Server } from '@hapi/hapi';
import type { Queue } from 'bullmq';
import { expect } from 'vitest';
import type { HealthNotificationPayload } from '../../src/infrastructure/websocket/events.js';
import { uuid, waitFor } from './jobs.js';
import { waitUntil } from './socketClient.js';

/** Waits for the job to finish, expects it completed (showing the failure if not), returns its result. */
export async function completedResult<R>(queue: Queue, id: string): Promise<R> {
  const state = await waitFor(async () => {
    const s = await queue.getJobState(id);
    return s === 'completed' || s === 'failed' ? s : null;
  });
  const job = (await queue.getJob(id))!;
  expect(state, job.failedReason).toBe('completed');
  return job.returnvalue as R;
}

export interface NotificationListener {
  user: { id: string };
  notifications: HealthNotificationPayload[];
}

/**
 * Pushes a sentinel to each user and waits for it: everything sent before it has arrived, so a
 * test can then assert that nothing else came. The sentinel is removed from the list.
 */
export async function notificationsSettled(server: Server, ...listeners: NotificationListener[]) {
  await Promise.all(
    listeners.map(async (listener) => {
      const id = uuid();
      server.plugins.websocket.sendHealthNotification(listener.user.id, {
        id,
        type: 'TEST_SENTINEL',
        title: 'sentinel',
        message: 'sentinel',
        createdAt: new Date().toISOString(),
      });
      await waitUntil(() => listener.notifications.some((n) => n.id === id), 5_000, 'the sentinel');
      listener.notifications.splice(
        listener.notifications.findIndex((n) => n.id === id),
        1,
      );
    }),
  );
}
