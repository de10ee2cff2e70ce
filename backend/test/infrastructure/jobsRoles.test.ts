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
  const api = await startReplica(t, { APP_ROLE: 'api' });
  replicas.push(api);
  const id = await getQueueManager(api.server).addJob(JOB_TYPES.INVENTORY_MAINTENANCE, {});
  await sleep(300);
  const queue = getQueueManager(api.server).queue(JOB_TYPES.INVENTORY_MAINTENANCE);
  expect(await queue.getJobState(id)).toBe('waiting');

  const worker = await startReplica(t, { APP_ROLE: 'worker' });
  replicas.push(worker);
  await waitFor(async () => (await queue.getJobState(id)) === 'completed');

  // The worker replica serves health (with jobQueue) but no API and no SPA.
  const health = await worker.server.inject({ url: '/health' });
  expect((health.result as { components: Record<string, unknown> }).components.jobQueue).toBeDefined();
  expect((await worker.server.inject({ url: '/health/live' })).statusCode).toBe(200);
  expect((await worker.server.inject({ url: '/api/v1/admin/queues' })).statusCode).toBe(404);
  expect((await worker.server.inject({ url: '/api/v1/auth/login', method: 'POST' })).statusCode).toBe(404);
  expect((await worker.server.inject({ url: '/', headers: { accept: 'text/html' } })).statusCode).toBe(404);
});
