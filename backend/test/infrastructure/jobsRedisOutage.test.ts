/**
 * Redis stops for 10 s while jobs are being added and processed. Producers fail fast while it
 * is down (addJob rejects); once it is back (with its AOF, as production runs it), every job
 * whose addJob resolved is processed, and an idempotent effect is never doubled.
 */
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { JOB_TYPES } from '../../src/infrastructure/jobs/jobTypes.js';
import { sleep, uuid, waitFor } from '../helpers/jobs.js';
import { ownQueueManager, type OwnQueueManager } from '../helpers/queueManager.js';
import { ownRedis, type OwnRedis } from '../helpers/redisServer.js';
import { databaseUrl, dropDatabase } from '../helpers/services.js';
import { createTestDatabase } from '../helpers/testServer.js';

const OUTAGE_MS = 10_000;

let redis: OwnRedis;
let own: OwnQueueManager;
let db: pg.Client;
let databaseName: string;

beforeAll(async () => {
  redis = await ownRedis({ persistent: true });
  own = ownQueueManager({ redisUrl: redis.url });
  databaseName = await createTestDatabase();
  db = new pg.Client({ connectionString: databaseUrl(databaseName) });
  await db.connect();
  await db.query('CREATE TABLE job_effects (seq int PRIMARY KEY, job_id text NOT NULL)');
});
afterAll(async () => {
  await own?.stop();
  await redis?.destroy();
  await db?.end();
  if (databaseName) await dropDatabase(databaseName);
});

it('processes every accepted job once Redis returns; none lost, none doubled in effect', async () => {
  const { queues } = own;
  const processed = new Map<number, number>();
  queues.registerProcessor(JOB_TYPES.REPORT_GENERATION, async (data, job) => {
    const seq = data.parameters.seq as number;
    processed.set(seq, (processed.get(seq) ?? 0) + 1);
    // The effect is keyed by the job's own number: a second run after a lost completion is a no-op.
    await db.query('INSERT INTO job_effects (seq, job_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
      seq,
      job.id,
    ]);
  });
  queues.startWorkers();

  const accepted: number[] = [];
  let refused = 0;
  let producing = true;
  const producer = (async () => {
    for (let seq = 1; producing; seq += 1) {
      const data = { organizationId: uuid(), requestedBy: uuid(), reportType: 'outage', parameters: { seq } };
      await queues.addJob(JOB_TYPES.REPORT_GENERATION, data).then(
        () => accepted.push(seq),
        () => (refused += 1),
      );
      await sleep(40);
    }
  })();

  await waitFor(() => processed.size >= 20);
  await redis.stop();
  const acceptedBeforeOutage = accepted.length;
  await sleep(OUTAGE_MS);
  const acceptedDuringOutage = accepted.length - acceptedBeforeOutage;
  await redis.start();
  await waitFor(() => accepted.length >= acceptedBeforeOutage + acceptedDuringOutage + 20, {
    timeoutMs: 30_000,
  });
  producing = false;
  await producer;

  // A job Redis had moved to active when it stopped, whose reply the worker never got, sits
  // there until its lock expires and the stalled check returns it: up to BullMQ's lockDuration
  // plus stalledInterval (30 s each by default).
  await waitFor(() => accepted.every((seq) => processed.has(seq)), { timeoutMs: 75_000 });
  expect(refused).toBeGreaterThan(0);
  expect(acceptedDuringOutage).toBe(0);
  const { rows } = await db.query<{ seq: number }>('SELECT seq FROM job_effects ORDER BY seq');
  const effects = rows.map((r) => r.seq);
  // Every accepted job has its effect, exactly once (the primary key makes twice impossible
  // to hide: a doubled insert would have been a conflict, and the row count would not match).
  expect(effects.filter((seq) => accepted.includes(seq))).toEqual(accepted);
  expect(await queues.queue(JOB_TYPES.REPORT_GENERATION).getFailedCount()).toBe(0);
}, 150_000);
