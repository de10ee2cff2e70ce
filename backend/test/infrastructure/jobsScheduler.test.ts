/**
 * Two replicas, each upserting the configured crons on start: Redis holds one scheduler per
 * sweep, so each tick runs once in the cluster, not once per replica.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getQueueManager } from '../../src/infrastructure/jobs/jobsPlugin.js';
import { JOB_TYPES } from '../../src/infrastructure/jobs/jobTypes.js';
import { sleep, waitFor } from '../helpers/jobs.js';
import {
  startListeningServer,
  startReplica,
  type ListeningTestServer,
  type Replica,
} from '../helpers/listeningServer.js';

// A six-field cron: every second, so a few ticks pass within the test.
const EVERY_SECOND = { INVENTORY_MAINTENANCE_CRON: '* * * * * *' };

let primary: ListeningTestServer;
let replica: Replica;

beforeAll(async () => {
  primary = await startListeningServer(EVERY_SECOND);
  replica = await startReplica(primary, EVERY_SECOND);
});
afterAll(async () => {
  await replica?.stop();
  await primary?.stop();
});

it('runs a sweep scheduled by two replicas once per tick, not once per replica', async () => {
  const queue = getQueueManager(primary.server).queue(JOB_TYPES.INVENTORY_MAINTENANCE);
  expect(await queue.getJobSchedulersCount()).toBe(1);
  await sleep(3_500);
  await queue.removeJobScheduler(JOB_TYPES.INVENTORY_MAINTENANCE);

  await waitFor(async () => (await queue.getActiveCount()) === 0);

  expect(await queue.getFailedCount()).toBe(0);
  const runs = await queue.getJobs(['completed']);
  expect(runs.length).toBeGreaterThanOrEqual(2);
  expect(runs.length).toBeLessThanOrEqual(5);
  // One job per tick: no two runs for the same scheduled instant.
  const ticks = runs.map((job) => job.timestamp + (job.opts.delay ?? 0));
  expect(new Set(ticks).size).toBe(runs.length);
});
