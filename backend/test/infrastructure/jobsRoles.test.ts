/** APP_ROLE=api replicas only produce; APP_ROLE=worker replicas run the workers (and no API). */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getQueueManager } from '../../src/infrastructure/jobs/jobsPlugin.js';
import { JOB_TYPES } from '../../src/infrastructure/jobs/jobTypes.js';
import { sleep, waitFor } from '../helpers/jobs.js';
import { startReplica, type Replica } from '../helpers/listeningServer.js';
import { startTestServer, type TestServer } from '../helpers/testServer.js';

let t: TestServer;
const replicas: Replica[] = [];

beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  for (const replica of replicas) await replica.stop();
  await t?.stop();
});

it('an api replica enqueues but never processes; a worker replica processes', async () => {
  const processedBy: string[] = [];
  const api = await startReplica(t, { APP_ROLE: 'api' });
  replicas.push(api);
  getQueueManager(api.server).registerProcessor(JOB_TYPES.INVENTORY_MAINTENANCE, async () => {
    processedBy.push('api');
  });
  const id = await getQueueManager(api.server).addJob(JOB_TYPES.INVENTORY_MAINTENANCE, {});
  await sleep(300);
  expect(processedBy).toEqual([]);
  const queue = getQueueManager(api.server).queue(JOB_TYPES.INVENTORY_MAINTENANCE);
  expect(await queue.getJobState(id)).toBe('waiting');

  const worker = await startReplica(t, { APP_ROLE: 'worker' });
  replicas.push(worker);
  getQueueManager(worker.server).registerProcessor(JOB_TYPES.INVENTORY_MAINTENANCE, async () => {
    processedBy.push('worker');
  });
  await waitFor(async () => (await queue.getJobState(id)) === 'completed');
  expect(processedBy).toEqual(['worker']);

  // The worker replica serves health (with jobQueue) but no API.
  const health = await worker.server.inject({ url: '/health' });
  expect((health.result as { components: Record<string, unknown> }).components.jobQueue).toBeDefined();
  expect((await worker.server.inject({ url: '/api/v1/admin/queues' })).statusCode).toBe(404);
});
