/**
 * Jobs: 20,000 no-op jobs through QueueManager (bulk addJobs, joi validation on entry and in
 * the worker, the app's retry and retention options) beside raw BullMQ (Queue.addBulk +
 * Worker) at the same concurrency on the same Redis, each under a prefix of its own. The two
 * alternate (raw, QM, raw, QM, ...) and each keeps its median run, so drift in a shared
 * machine's load hits both alike. Then 20,000 real medication-reminder jobs (one dose slot
 * each, from the district's prescriptions), enqueued on the app's own queue and processed by
 * the real server's workers. Time runs from the first add until the queue is empty.
 */
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { JOB_TYPES, type JobInput } from '../../src/infrastructure/jobs/jobTypes.js';
import { QueueManager } from '../../src/infrastructure/jobs/QueueManager.js';
import { DEFAULT_TIME_ZONE } from '../../src/modules/medications/constants.js';
import type { BenchContext, BenchRow, BenchSection } from '../support/context.js';

const JOBS = 20_000;
const BATCH = 1_000;
const ROUNDS = 3;
const CONCURRENCY = Number(process.env.BENCH_JOBS_CONCURRENCY ?? 50);
const NOOP_TYPE = JOB_TYPES.INVENTORY_MAINTENANCE;
const REMINDER = JOB_TYPES.MEDICATION_REMINDER;
const SEED_TARGET = '> 10,000 jobs/hour';

type Counted = { processed: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const perSecond = (rate: number) => `${Math.round(rate).toLocaleString('en-US')} jobs/s`;

/** Resolves once nothing is left waiting, active or delayed (every job has been added by then). */
async function queueEmpty(queue: Queue, counted?: Counted): Promise<void> {
  for (;;) {
    if (!counted || counted.processed >= JOBS) {
      const counts = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed');
      if (Object.values(counts).every((n) => n === 0)) return;
    }
    await sleep(5);
  }
}

/** Jobs per second from the first add until the queue is empty. */
async function timed(add: () => Promise<void>, empty: () => Promise<void>): Promise<number> {
  const started = process.hrtime.bigint();
  await add();
  await empty();
  return JOBS / (Number(process.hrtime.bigint() - started) / 1e9);
}

async function inBatches(add: (count: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < JOBS; i += BATCH) await add(Math.min(BATCH, JOBS - i));
}

async function noOpThroughQueueManager(redisUrl: string, prefix: string): Promise<number> {
  const manager = new QueueManager({
    redisUrl,
    prefix,
    concurrency: CONCURRENCY,
    backoffDelayMs: 1_000,
    log: () => undefined,
  });
  manager.initialize();
  const counted: Counted = { processed: 0 };
  manager.registerProcessor(NOOP_TYPE, async () => {
    counted.processed += 1;
  });
  manager.startWorkers();
  try {
    const item = { data: {} };
    return await timed(
      () =>
        inBatches((n) =>
          manager.addJobs(
            NOOP_TYPE,
            Array.from({ length: n }, () => item),
          ),
        ),
      () => queueEmpty(manager.queue(NOOP_TYPE), counted),
    );
  } finally {
    // Workers stopped the way the server stops them: close() alone forces them, and a forced
    // BullMQ worker leaves its blocking connection open.
    await manager.stopWorkers(10_000);
    await manager.queue(NOOP_TYPE).obliterate({ force: true });
    await manager.close();
  }
}

/** Connections as QueueManager makes them: a fail-fast producer, a blocking-safe consumer. */
async function noOpThroughRawBullmq(redisUrl: string, prefix: string): Promise<number> {
  const producer = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  const consumer = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue('raw-noop', { connection: producer, prefix });
  const counted: Counted = { processed: 0 };
  const worker = new Worker(
    'raw-noop',
    async () => {
      counted.processed += 1;
    },
    { connection: consumer, prefix, concurrency: CONCURRENCY, autorun: false },
  );
  producer.on('error', () => undefined);
  consumer.on('error', () => undefined);
  queue.on('error', () => undefined);
  worker.on('error', () => undefined);
  void worker.run();
  try {
    await queue.waitUntilReady();
    const opts = { removeOnComplete: { count: 1_000 }, removeOnFail: { count: 5_000 } };
    return await timed(
      () =>
        inBatches((n) => queue.addBulk(Array.from({ length: n }, () => ({ name: 'noop', data: {}, opts })))),
      () => queueEmpty(queue, counted),
    );
  } finally {
    await worker.close();
    await queue.obliterate({ force: true });
    await queue.close();
    producer.disconnect();
    consumer.disconnect();
  }
}

interface NoOpResult {
  managed: number;
  raw: number;
  managedRuns: number[];
  rawRuns: number[];
}

async function noOpComparison(redisUrl: string, keyPrefix: string): Promise<NoOpResult> {
  const managedRuns: number[] = [];
  const rawRuns: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    rawRuns.push(await noOpThroughRawBullmq(redisUrl, `${keyPrefix}bench:raw:bull`));
    managedRuns.push(await noOpThroughQueueManager(redisUrl, `${keyPrefix}bench:qm:bull`));
  }
  return { managed: median(managedRuns), raw: median(rawRuns), managedRuns, rawRuns };
}

interface DoseSlot {
  organizationId: string;
  prescriptionId: string;
  scheduledFor: Date;
}

async function withDatabase<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Today's and tomorrow's scheduled slots of the district's active prescriptions, as the job sees them. */
async function doseSlots(client: pg.Client): Promise<DoseSlot[]> {
  const { rows } = await client.query<DoseSlot>(
    `SELECT p.organization_id AS "organizationId", p.id AS "prescriptionId",
            ((local.today + o + t::time) AT TIME ZONE z.tz) AS "scheduledFor"
       FROM prescriptions p
       LEFT JOIN medication_settings ms ON ms.organization_id = p.organization_id
      CROSS JOIN LATERAL (SELECT coalesce(ms.time_zone, $1) AS tz) z
      CROSS JOIN LATERAL (SELECT (now() AT TIME ZONE z.tz)::date AS today) local
      CROSS JOIN LATERAL unnest(ARRAY[0, 1]) o
      CROSS JOIN LATERAL unnest(p.schedule_times) t
      WHERE NOT p.prn AND p.discontinued_at IS NULL
        AND p.start_date <= local.today + o AND (p.end_date IS NULL OR p.end_date >= local.today + o)
      ORDER BY 3, 2
      LIMIT $2`,
    [DEFAULT_TIME_ZONE, JOBS],
  );
  return rows;
}

/** Slots the jobs reminded the nurses of: proof the real path ran, not an early return. */
async function remindedSlots(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    `SELECT count(DISTINCT dedupe_key) AS n FROM notifications WHERE dedupe_key LIKE 'medication-reminder:%'`,
  );
  return Number(rows[0]!.n);
}

/**
 * 20,000 one-dose reminder jobs, cycling through the district's slots: a slot's first job
 * notifies the nurses and broadcasts, a later one finds it already reminded (a retry's path).
 */
async function remindersThroughServer(
  ctx: BenchContext,
): Promise<{ rate: number; slots: number; reminded: number }> {
  const slots = await withDatabase(ctx.env.databaseUrl, doseSlots);
  if (slots.length === 0) throw new Error('the district has no scheduled dose slots today or tomorrow');
  const data = (i: number): JobInput<typeof REMINDER> => {
    const slot = slots[i % slots.length]!;
    return {
      organizationId: slot.organizationId,
      windowMinutes: 60,
      dose: { prescriptionId: slot.prescriptionId, scheduledFor: slot.scheduledFor.toISOString() },
    };
  };
  // A producer on the app's own queues; the real server's workers consume.
  const manager = new QueueManager({
    redisUrl: ctx.env.redisUrl,
    prefix: `${ctx.env.keyPrefix}bull`,
    concurrency: 1,
    backoffDelayMs: 1_000,
    log: () => undefined,
  });
  manager.initialize();
  const queue = manager.queue(REMINDER);
  try {
    await queueEmpty(queue);
    const failedBefore = (await manager.getQueueStats(REMINDER)).failed;
    let added = 0;
    const rate = await timed(
      () =>
        inBatches((n) => {
          const items = Array.from({ length: n }, (_, i) => ({ data: data(added + i) }));
          added += n;
          return manager.addJobs(REMINDER, items);
        }),
      () => queueEmpty(queue),
    );
    const failed = (await manager.getQueueStats(REMINDER)).failed - failedBefore;
    if (failed > 0) throw new Error(`${failed} medication-reminder jobs failed (see ${ctx.logFile})`);
    const reminded = await withDatabase(ctx.env.databaseUrl, remindedSlots);
    if (reminded === 0) throw new Error('no medication-reminder job notified anybody');
    return { rate, slots: slots.length, reminded };
  } finally {
    await manager.close();
  }
}

export const jobsSection: BenchSection = {
  name: 'jobs',
  async run(ctx) {
    const noOp = await noOpComparison(ctx.env.redisUrl, ctx.env.keyPrefix);
    const runs = (values: number[]) => values.map((v) => Math.round(v)).join(', ');
    const ratio = noOp.managed / noOp.raw;
    const rows: BenchRow[] = [
      {
        section: 'Jobs',
        metric:
          `${JOBS.toLocaleString('en-US')} no-op jobs, QueueManager vs raw BullMQ, concurrency ${CONCURRENCY}, ` +
          `median of ${ROUNDS} alternating runs (QM ${runs(noOp.managedRuns)}; raw ${runs(noOp.rawRuns)})`,
        seedTarget: SEED_TARGET,
        ours: perSecond(noOp.managed),
        raw: perSecond(noOp.raw),
        ratio,
        target: '>= 0.80',
        met: ratio >= 0.8,
      },
    ];
    const reminders = await remindersThroughServer(ctx);
    const serverConcurrency = ctx.env.appEnv.JOBS_CONCURRENCY ?? '5 (default)';
    rows.push({
      section: 'Jobs',
      metric:
        `${JOBS.toLocaleString('en-US')} medication-reminder jobs (one dose each over ${reminders.slots} ` +
        `slots, ${reminders.reminded} outstanding and reminded) by the real server's workers, ` +
        `concurrency ${serverConcurrency}; raw: BullMQ no-op above`,
      seedTarget: SEED_TARGET,
      ours: perSecond(reminders.rate),
      raw: perSecond(noOp.raw),
      ratio: reminders.rate / noOp.raw,
      target: '',
      met: null,
    });
    return rows;
  },
};
