/**
 * A requested job's progress and end reach the requester's socket once, whichever replica
 * holds it and whichever replica runs the job; nobody else hears of it.
 */
import { UnrecoverableError } from 'bullmq';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getQueueManager } from '../../src/infrastructure/jobs/jobsPlugin.js';
import { JOB_TYPES } from '../../src/infrastructure/jobs/jobTypes.js';
import type { QueueManager } from '../../src/infrastructure/jobs/QueueManager.js';
import { createOrganization, type TestOrganization } from '../helpers/fixtures.js';
import { sleep } from '../helpers/jobs.js';
import {
  startListeningServer,
  startReplica,
  type ListeningTestServer,
  type Replica,
} from '../helpers/listeningServer.js';
import { closeAll, connectSocket, waitForEvent, type ClientSocket } from '../helpers/socketClient.js';

let primary: ListeningTestServer;
let replica: Replica;
let queues: QueueManager;
let org: TestOrganization;
const opened: ClientSocket[] = [];

beforeAll(async () => {
  primary = await startListeningServer();
  // The replica serves API and sockets only: the job runs on the primary.
  replica = await startReplica(primary, { APP_ROLE: 'api' });
  queues = getQueueManager(primary.server);
  org = await createOrganization(primary.server);
  // A stand-in export: reports progress, then either a summary or bad news.
  queues.registerProcessor(JOB_TYPES.DATA_EXPORT, async (data, job) => {
    if (data.entity === 'refused') throw new UnrecoverableError('the registry refused the file');
    await job.updateProgress(50);
    return { exported: 3 };
  });
});
afterAll(async () => {
  closeAll(opened);
  await replica?.stop();
  await primary?.stop();
});

function record(socket: ClientSocket): string[] {
  const heard: string[] = [];
  for (const event of ['job:progress', 'job:completed', 'job:failed'] as const) {
    socket.on(event, (payload: { jobId: string }) => heard.push(`${event}:${payload.jobId}`));
  }
  return heard;
}

it("tells the requester's socket on another replica of progress and completion, once each", async () => {
  const requester = await connectSocket(replica.url, org.admin.token);
  const bystander = await connectSocket(replica.url, org.nurse.token);
  opened.push(requester, bystander);
  const heard = record(requester);
  const overheard = record(bystander);

  const progress = waitForEvent(requester, 'job:progress');
  const completed = waitForEvent(requester, 'job:completed');
  const jobId = await queues.addJob(JOB_TYPES.DATA_EXPORT, {
    organizationId: org.id,
    requestedBy: org.admin.id,
    entity: 'immunizations',
  });
  expect(await progress).toEqual({ jobId, type: 'data-export', progress: 50 });
  expect(await completed).toEqual({ jobId, type: 'data-export', result: { exported: 3 } });
  await sleep(300);
  expect(heard).toEqual([`job:progress:${jobId}`, `job:completed:${jobId}`]);
  expect(overheard).toEqual([]);
});

it('tells the requester when the job fails, without the internal reason', async () => {
  const requester = await connectSocket(primary.url, org.nurse.token);
  opened.push(requester);
  const failed = waitForEvent(requester, 'job:failed');
  const jobId = await queues.addJob(JOB_TYPES.DATA_EXPORT, {
    organizationId: org.id,
    requestedBy: org.nurse.id,
    entity: 'refused',
  });
  const payload = await failed;
  expect(payload).toMatchObject({ jobId, type: 'data-export' });
  expect(payload.message).not.toMatch(/registry/);
});
