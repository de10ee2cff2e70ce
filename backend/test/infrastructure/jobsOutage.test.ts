/** Producers fail fast: while Redis is down addJob rejects at once; when it returns, jobs flow again. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getQueueManager } from '../../src/infrastructure/jobs/jobsPlugin.js';
import { JOB_TYPES } from '../../src/infrastructure/jobs/jobTypes.js';
import { waitFor } from '../helpers/jobs.js';
import { ownRedis, type OwnRedis } from '../helpers/redisServer.js';
import { startTestServer, type TestServer } from '../helpers/testServer.js';

let t: TestServer;
let redis: OwnRedis;

beforeAll(async () => {
  redis = await ownRedis();
  t = await startTestServer({ REDIS_URL: redis.url });
});
afterAll(async () => {
  await t?.stop();
  await redis?.destroy();
});

it('rejects addJob at once while Redis is down and accepts jobs again once it returns', async () => {
  const queues = getQueueManager(t.server);
  expect(await queues.addJob(JOB_TYPES.INVENTORY_MAINTENANCE, {})).toBeTruthy();
  await redis.stop();
  await expect(queues.addJob(JOB_TYPES.INVENTORY_MAINTENANCE, {})).rejects.toThrow();

  await redis.start();
  // Our own redis-server keeps no data across restarts; what matters here is that the
  // producer reconnects by itself and accepts jobs again.
  const again = await waitFor(() => queues.addJob(JOB_TYPES.INVENTORY_MAINTENANCE, {}).catch(() => ''));
  expect(again).toBeTruthy();
});
