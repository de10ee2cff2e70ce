/** Two replicas scheduling the same recurring job: Redis holds one scheduler, each run happens once. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getQueueManager } from '../../src/infrastructure/jobs/jobsPlugin.js';
import { JOB_TYPES } from '../../src/infrastructure/jobs/jobTypes.js';
import { sleep } from '../helpers/jobs.js';
import {
  startListeningServer,
  startReplica,
  type ListeningTestServer,
  type Replica,
} from '../helpers/listeningServer.js';

let primary: ListeningTestServer;
let replica: Replica;

beforeAll(async () => {
  primary = await startListeningServer();
  replica = await startReplica(primary);
});
afterAll(async () => {
  await replica?.stop();
  await primary?.stop();
});

it('runs a job scheduled by two replicas once per tick, not once per replica', async () => {
  const runs: Array<{ server: string; jobId: string; scheduledAt: number }> = [];
  const servers = [
    ['primary', primary.server],
    ['replica', replica.server],
  ] as const;
  for (const [name, server] of servers) {
    getQueueManager(server).registerProcessor(JOB_TYPES.INVENTORY_MAINTENANCE, async (_data, job) => {
      runs.push({ server: name, jobId: job.id!, scheduledAt: job.timestamp + (job.opts.delay ?? 0) });
    });
  }
  await Promise.all(
    servers.map(([, server]) =>
      getQueueManager(server).scheduleJob(JOB_TYPES.INVENTORY_MAINTENANCE, {}, { every: 1_000 }),
    ),
  );
  await sleep(3_500);
  await getQueueManager(primary.server)
    .queue(JOB_TYPES.INVENTORY_MAINTENANCE)
    .removeJobScheduler('inventory-maintenance');

  expect(runs.length).toBeGreaterThanOrEqual(2);
  expect(runs.length).toBeLessThanOrEqual(4);
  expect(new Set(runs.map((r) => r.jobId)).size).toBe(runs.length);
  expect(new Set(runs.map((r) => r.scheduledAt)).size).toBe(runs.length);
});
