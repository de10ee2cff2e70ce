/**
 * The QueueManager class with processors of the test's own: retries, validation,
 * pause/resume, retrying failed jobs, and stopping workers while a job is active.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_TYPES } from '../../src/infrastructure/jobs/jobTypes.js';
import type { QueueManager } from '../../src/infrastructure/jobs/QueueManager.js';
import { sleep, uuid, waitFor } from '../helpers/jobs.js';
import { ownQueueManager, type OwnQueueManager } from '../helpers/queueManager.js';

let own: OwnQueueManager;
let queues: QueueManager;

beforeAll(() => {
  own = ownQueueManager();
  queues = own.queues;
});
afterAll(() => own?.stop());

const report = () => ({ organizationId: uuid(), requestedBy: uuid(), reportType: 'compliance' });

describe('QueueManager', () => {
  it('retries with backoff: a processor failing twice completes on attempt 3', async () => {
    let calls = 0;
    queues.registerProcessor(JOB_TYPES.REPORT_GENERATION, async () => {
      calls += 1;
      if (calls < 3) throw new Error(`transient failure ${calls}`);
      return 'done';
    });
    queues.startWorkers();
    const id = await queues.addJob(JOB_TYPES.REPORT_GENERATION, report());
    const queue = queues.queue(JOB_TYPES.REPORT_GENERATION);
    await waitFor(async () => (await queue.getJobState(id)) === 'completed');
    const job = await queue.getJob(id);
    expect(job?.attemptsMade).toBe(3);
    expect(job?.returnvalue).toBe('done');
    expect(calls).toBe(3);
  });

  it('rejects a bad payload in addJob and enqueues nothing', async () => {
    await expect(
      queues.addJob(JOB_TYPES.DATA_EXPORT, {
        organizationId: 'not-a-uuid',
        requestedBy: uuid(),
        target: 'state-registry',
      }),
    ).rejects.toMatchObject({ name: 'AppError', statusCode: 400 });
    await expect(
      // @ts-expect-error -- a caller outside the type checker (or a bad cast) is refused too
      queues.addJobs(JOB_TYPES.DATA_EXPORT, [{ data: { target: 'students' } }]),
    ).rejects.toMatchObject({ statusCode: 400 });
    expect(await queues.queue(JOB_TYPES.DATA_EXPORT).count()).toBe(0);
  });

  it('fails a job with invalid data at once, without retries (UnrecoverableError)', async () => {
    let calls = 0;
    queues.registerProcessor(JOB_TYPES.DATA_EXPORT, async () => {
      calls += 1;
    });
    const queue = queues.queue(JOB_TYPES.DATA_EXPORT);
    // Written straight to Redis, past addJob's check, as another producer might.
    const raw = await queue.add(JOB_TYPES.DATA_EXPORT, { target: 42 }, { attempts: 3 });
    await waitFor(async () => (await queue.getJobState(raw.id!)) === 'failed');
    const job = await queue.getJob(raw.id!);
    expect(job?.attemptsMade).toBe(1);
    expect(job?.failedReason).toMatch(/Invalid data-export payload/);
    expect(calls).toBe(0);
  });

  it('retryFailed puts failed jobs back (the bad one fails again at once)', async () => {
    await queues.retryFailed(JOB_TYPES.DATA_EXPORT);
    const queue = queues.queue(JOB_TYPES.DATA_EXPORT);
    await waitFor(async () => (await queue.getJobs(['failed']))[0]?.attemptsMade === 2);
    expect(await queue.getJobCounts('failed', 'waiting', 'active')).toEqual({
      failed: 1,
      waiting: 0,
      active: 0,
    });
  });

  it('pauses and resumes a queue for every replica', async () => {
    const seen: number[] = [];
    queues.registerProcessor(JOB_TYPES.INVENTORY_MAINTENANCE, async () => {
      seen.push(1);
    });
    await queues.pause(JOB_TYPES.INVENTORY_MAINTENANCE);
    expect((await queues.getAllQueueStats()).find((q) => q.name === 'inventory-maintenance')?.paused).toBe(
      true,
    );
    await queues.addJob(JOB_TYPES.INVENTORY_MAINTENANCE, {});
    await sleep(300);
    expect(seen).toEqual([]);
    await queues.resume(JOB_TYPES.INVENTORY_MAINTENANCE);
    await waitFor(() => seen.length === 1);
  });

  it('stopWorkers lets the active job finish before it resolves, and fetches nothing more', async () => {
    const effects: string[] = [];
    const replica = own.replica();
    replica.registerProcessor(JOB_TYPES.IMMUNIZATION_ALERT, async (data) => {
      effects.push(`started ${data.daysAhead}`);
      await sleep(1_000);
      effects.push(`finished ${data.daysAhead}`);
    });
    replica.startWorkers();
    await replica.addJob(JOB_TYPES.IMMUNIZATION_ALERT, { daysAhead: 14 });
    await waitFor(() => effects.includes('started 14'));

    // A job added while stopping may still be taken by a fetch already in flight; whatever
    // was taken must be finished when stopWorkers resolves, and nothing left active.
    const stopped = replica.stopWorkers(10_000);
    await replica.addJob(JOB_TYPES.IMMUNIZATION_ALERT, { daysAhead: 15 });
    await stopped;
    const started = effects.filter((e) => e.startsWith('started')).map((e) => e.slice(8));
    const finished = effects.filter((e) => e.startsWith('finished')).map((e) => e.slice(9));
    expect(started).toContain('14');
    expect(finished.sort()).toEqual(started.sort());
    expect(await replica.queue(JOB_TYPES.IMMUNIZATION_ALERT).getActiveCount()).toBe(0);
  });
});
