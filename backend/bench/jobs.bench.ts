/**
 * Job throughput: 20,000 no-op jobs through QueueManager (bulk addJobs, joi validation on
 * entry and in the worker, the default retry and retention options) beside raw BullMQ
 * (Queue.addBulk + Worker) at the same concurrency, same Redis, each under its own prefix.
 * Time runs from the first add until the last job has left the queue.
 * Run: cd backend && node --import tsx bench/jobs.bench.ts
 */
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { JOB_TYPES } from '../src/infrastructure/jobs/jobTypes.js';
import { QueueManager } from '../src/infrastructure/jobs/QueueManager.js';
import { printTable, withBenchServer } from './harness.js';

const JOBS = 20_000;
const BATCH = 1_000;
const CONCURRENCY = Number(process.env.BENCH_JOBS_CONCURRENCY ?? 50);
const TYPE = JOB_TYPES.INVENTORY_MAINTENANCE;

interface Result {
  scenario: string;
  seconds: number;
}

async function drained(queue: Queue, processed: () => number): Promise<void> {
  for (;;) {
    if (processed() >= JOBS) {
      const counts = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed');
      if (Object.values(counts).every((n) => n === 0)) return;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function viaQueueManager(redisUrl: string, prefix: string): Promise<Result> {
  const manager = new QueueManager({
    redisUrl,
    prefix,
    concurrency: CONCURRENCY,
    backoffDelayMs: 1_000,
    log: () => undefined,
  });
  manager.initialize();
  let processed = 0;
  manager.registerProcessor(TYPE, async () => {
    processed += 1;
  });
  manager.startWorkers();
  try {
    const started = process.hrtime.bigint();
    for (let i = 0; i < JOBS; i += BATCH) {
      await manager.addJobs(
        TYPE,
        Array.from({ length: Math.min(BATCH, JOBS - i) }, () => ({ data: {} })),
      );
    }
    await drained(manager.queue(TYPE), () => processed);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    await manager.queue(TYPE).obliterate({ force: true });
    return { scenario: 'QueueManager (addJobs + validated worker)', seconds };
  } finally {
    await manager.close();
  }
}

async function viaRawBullmq(redisUrl: string, prefix: string): Promise<Result> {
  const producer = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  const consumer = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue('raw-noop', { connection: producer, prefix });
  let processed = 0;
  const worker = new Worker(
    'raw-noop',
    async () => {
      processed += 1;
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
    const started = process.hrtime.bigint();
    for (let i = 0; i < JOBS; i += BATCH) {
      await queue.addBulk(
        Array.from({ length: Math.min(BATCH, JOBS - i) }, () => ({
          name: 'noop',
          data: {},
          opts: { removeOnComplete: { count: 1_000 }, removeOnFail: { count: 5_000 } },
        })),
      );
    }
    await drained(queue, () => processed);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    await queue.obliterate({ force: true });
    return { scenario: 'raw BullMQ (addBulk + Worker)', seconds };
  } finally {
    await worker.close();
    await queue.close();
    producer.disconnect();
    consumer.disconnect();
  }
}

await withBenchServer(async (server) => {
  const { url, keyPrefix } = server.app.config.redis;
  const raw = await viaRawBullmq(url!, `${keyPrefix}raw:bull`);
  const managed = await viaQueueManager(url!, `${keyPrefix}qm:bull`);
  const rate = (r: Result) => JOBS / r.seconds;
  printTable(
    `Jobs: ${JOBS} no-op jobs, concurrency ${CONCURRENCY}, first add to last completion`,
    [managed, raw].map((r) => ({
      scenario: r.scenario,
      jobs: JOBS,
      seconds: r.seconds.toFixed(2),
      'jobs/s': Math.round(rate(r)),
      'ratio to raw': (rate(r) / rate(raw)).toFixed(2),
    })),
  );
});
