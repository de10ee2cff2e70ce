/**
 * One BullMQ queue per job type, and (on replicas that run them) one worker per registered
 * processor. One instance per server (`server.plugins.jobs.queues`), never process-global:
 * tests run several servers in one process.
 *
 * Connections follow BullMQ's production guide: producers share one connection that fails
 * fast (no offline queue), so addJob rejects while Redis is down and an accepted job is in
 * Redis; workers share one with `maxRetriesPerRequest: null` (each duplicates it for its
 * blocking reads) and wait out an outage. Every payload is checked against its joi schema
 * in addJob and again in the worker, where a bad one fails at once (UnrecoverableError).
 */
import { Queue, UnrecoverableError, Worker, type Job, type JobsOptions, type RepeatOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { AppError } from '../http/AppError.js';
import { ALL_JOB_TYPES, validatePayload, type JobInput, type JobPayloads, type JobType } from './jobTypes.js';

export type JobProcessor<T extends JobType> = (
  data: JobPayloads[T],
  job: Job<JobPayloads[T]>,
) => Promise<unknown>;

export interface QueueStats {
  waiting: number;
  active: number;
  completed: number;
  failed: number;
  delayed: number;
}

export interface QueueSummary extends QueueStats {
  name: JobType;
  paused: boolean;
}

export interface AddJobOptions {
  /** 1 is the highest priority; unset means first in, first out. */
  priority?: number;
  delay?: number;
  /** A job id already present is not added again (idempotent producers). */
  jobId?: string;
  /** Tries in all and the wait before each retry; default 3, exponential from JOBS_BACKOFF_DELAY_MS. */
  attempts?: number;
  backoff?: { type: 'exponential' | 'fixed'; delay: number };
}

export interface QueueManagerOptions {
  redisUrl: string;
  /** BullMQ's own key prefix (never an ioredis keyPrefix, which BullMQ refuses). */
  prefix: string;
  concurrency: number;
  concurrencyOverrides?: Readonly<Record<string, number>>;
  backoffDelayMs: number;
  log: (tags: string[], message: string) => void;
  /** Each attempt this manager's workers finish, for metrics; seconds is null when BullMQ did not time it. */
  onJobFinished?: (type: JobType, outcome: 'completed' | 'failed', seconds: number | null) => void;
}

/** Completed jobs kept for inspection; failed ones longer, for retryFailed and support. */
const REMOVE_ON_COMPLETE = { count: 1_000, age: 24 * 3_600 };
const REMOVE_ON_FAIL = { count: 5_000, age: 7 * 24 * 3_600 };
const DEFAULT_ATTEMPTS = 3;

type AnyProcessor = (data: unknown, job: Job) => Promise<unknown>;

export class QueueManager {
  private readonly queues = new Map<JobType, Queue>();
  private readonly workers = new Map<JobType, Worker>();
  private readonly processors = new Map<JobType, AnyProcessor>();
  private producer: Redis | null = null;
  private consumer: Redis | null = null;
  private workersStarted = false;
  private stopping = false;

  constructor(private readonly options: QueueManagerOptions) {}

  /** Opens the producer connection and one Queue per job type. Idempotent. */
  initialize(): void {
    if (this.producer) return;
    this.producer = new Redis(this.options.redisUrl, {
      connectionName: 'white-cross:jobs-producer',
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2_000,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    });
    this.onError(this.producer, 'producer connection');
    for (const type of ALL_JOB_TYPES) {
      const queue = new Queue(type, {
        connection: this.producer,
        prefix: this.options.prefix,
        defaultJobOptions: {
          attempts: DEFAULT_ATTEMPTS,
          backoff: { type: 'exponential', delay: this.options.backoffDelayMs },
          removeOnComplete: REMOVE_ON_COMPLETE,
          removeOnFail: REMOVE_ON_FAIL,
        },
      });
      this.onError(queue, `queue ${type}`);
      this.queues.set(type, queue);
    }
  }

  /** Redis must not evict BullMQ's keys; returns the policy, or null when CONFIG is refused. */
  async evictionPolicy(): Promise<string | null> {
    try {
      const reply = (await this.requireProducer().call('CONFIG', 'GET', 'maxmemory-policy')) as string[];
      return reply[1] ?? null;
    } catch {
      return null;
    }
  }

  registerProcessor<T extends JobType>(type: T, processor: JobProcessor<T>): void {
    if (this.processors.has(type)) throw new Error(`A processor for "${type}" is already registered`);
    this.processors.set(type, processor as AnyProcessor);
    if (this.workersStarted && !this.stopping) this.startWorker(type);
  }

  /** Validates, then enqueues. A bad payload throws (400) and nothing is enqueued. */
  async addJob<T extends JobType>(type: T, data: JobInput<T>, options: AddJobOptions = {}): Promise<string> {
    const value = this.checked(type, data);
    const job = await this.queue(type).add(type, value, withoutUndefined(options));
    return job.id!;
  }

  /** Many jobs of one type in one round trip; all are validated before any is enqueued. */
  async addJobs<T extends JobType>(
    type: T,
    items: ReadonlyArray<{ data: JobInput<T>; options?: AddJobOptions }>,
  ): Promise<string[]> {
    const jobs = items.map((item) => ({
      name: type,
      data: this.checked(type, item.data),
      opts: withoutUndefined(item.options ?? {}) as JobsOptions,
    }));
    const added = await this.queue(type).addBulk(jobs);
    return added.map((job) => job.id!);
  }

  /**
   * A recurring job: a cron pattern (`0 *\/6 * * *`) or `{ every: ms }`. Upserting the same
   * scheduler from every replica is safe: Redis holds one scheduler and one next job.
   */
  async scheduleJob<T extends JobType>(
    type: T,
    data: JobInput<T>,
    repeat: string | { every: number } | { pattern: string; tz?: string },
    schedulerId: string = type,
  ): Promise<void> {
    const value = this.checked(type, data);
    const repeatOptions: Omit<RepeatOptions, 'key'> =
      typeof repeat === 'string' ? { pattern: repeat } : { ...repeat };
    await this.queue(type).upsertJobScheduler(schedulerId, repeatOptions, { name: type, data: value });
  }

  async getQueueStats(type: JobType): Promise<QueueStats> {
    const counts = await this.queue(type).getJobCounts(
      'waiting',
      'prioritized',
      'active',
      'completed',
      'failed',
      'delayed',
    );
    return {
      waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
      active: counts.active ?? 0,
      completed: counts.completed ?? 0,
      failed: counts.failed ?? 0,
      delayed: counts.delayed ?? 0,
    };
  }

  async getAllQueueStats(): Promise<QueueSummary[]> {
    return Promise.all(
      ALL_JOB_TYPES.map(async (name) => {
        // Looked up first: if it throws, no getQueueStats promise is left rejecting unawaited.
        const queue = this.queue(name);
        const [stats, paused] = await Promise.all([this.getQueueStats(name), queue.isPaused()]);
        return { name, ...stats, paused };
      }),
    );
  }

  /** Pauses the queue for every replica (workers finish what they hold, then wait). */
  async pause(type: JobType): Promise<void> {
    await this.queue(type).pause();
  }

  async resume(type: JobType): Promise<void> {
    await this.queue(type).resume();
  }

  /** Moves every failed job of the queue back to waiting. */
  async retryFailed(type: JobType): Promise<void> {
    await this.queue(type).retryJobs({ state: 'failed' });
  }

  /** The raw BullMQ queue, for admin tooling and tests. */
  queue(type: JobType): Queue {
    const queue = this.queues.get(type);
    if (!queue) throw new Error('QueueManager.initialize() has not run');
    return queue;
  }

  /** Starts a worker for every registered processor (and for any registered later). */
  startWorkers(): void {
    if (this.workersStarted) return;
    this.workersStarted = true;
    for (const type of this.processors.keys()) this.startWorker(type);
  }

  /** Workers were started and every registered processor has a running worker. */
  workerState(): { started: boolean; expected: number; running: number } {
    const running = [...this.workers.values()].filter((w) => w.isRunning()).length;
    return { started: this.workersStarted, expected: this.processors.size, running };
  }

  /**
   * Stops fetching at once, then waits up to `timeoutMs` for active jobs; what is still
   * running then is abandoned (its lock expires and another worker takes it up again).
   */
  async stopWorkers(timeoutMs: number): Promise<void> {
    this.stopping = true;
    await Promise.all(
      [...this.workers.entries()].map(async ([type, worker]) => {
        let timer: NodeJS.Timeout | undefined;
        const timedOut = await Promise.race([
          worker.pause().then(
            () => false,
            () => false,
          ),
          new Promise<boolean>((resolve) => {
            timer = setTimeout(() => resolve(true), timeoutMs);
          }),
        ]);
        clearTimeout(timer);
        if (timedOut)
          this.options.log(['jobs', 'warn'], `worker ${type}: active jobs abandoned after ${timeoutMs} ms`);
        await worker.close(timedOut).catch(() => undefined);
      }),
    );
    this.workers.clear();
  }

  /** Closes workers (by force, if still open), queues and both connections. */
  async close(): Promise<void> {
    if (this.workers.size > 0) await this.stopWorkers(0);
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => undefined)));
    this.queues.clear();
    for (const connection of [this.consumer, this.producer]) {
      if (connection) await connection.quit().catch(() => connection.disconnect());
    }
    this.consumer = null;
    this.producer = null;
  }

  private startWorker(type: JobType): void {
    if (this.workers.has(type)) return;
    const processor = this.processors.get(type)!;
    const worker = new Worker(
      type,
      async (job: Job) => {
        const { value, error } = validatePayload(type, job.data);
        if (error !== undefined) throw new UnrecoverableError(`Invalid ${type} payload: ${error}`);
        return processor(value, job);
      },
      {
        connection: this.requireConsumer(),
        prefix: this.options.prefix,
        concurrency: this.options.concurrencyOverrides?.[type] ?? this.options.concurrency,
        autorun: false,
      },
    );
    this.onError(worker, `worker ${type}`);
    worker.on('completed', (job) => this.options.onJobFinished?.(type, 'completed', secondsTaken(job)));
    worker.on('failed', (job, error) => {
      this.options.onJobFinished?.(type, 'failed', job ? secondsTaken(job) : null);
      // The error's name and message only: payloads may carry health data.
      this.options.log(
        ['jobs', 'warn'],
        `job ${type}/${job?.id ?? '?'} failed: ${error.name}: ${error.message}`,
      );
    });
    this.workers.set(type, worker);
    worker
      .run()
      .catch((error: Error) =>
        this.options.log(['jobs', 'error'], `worker ${type} stopped: ${error.message}`),
      );
  }

  private checked<T extends JobType>(type: T, data: unknown): JobPayloads[T] {
    const { value, error } = validatePayload(type, data);
    if (error !== undefined) throw AppError.badRequest(`Invalid ${type} job: ${error}`);
    return value;
  }

  private requireProducer(): Redis {
    if (!this.producer) throw new Error('QueueManager.initialize() has not run');
    return this.producer;
  }

  private requireConsumer(): Redis {
    this.consumer ??= new Redis(this.options.redisUrl, {
      connectionName: 'white-cross:jobs-worker',
      maxRetriesPerRequest: null,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    });
    if (this.consumer.listenerCount('error') === 0) this.onError(this.consumer, 'worker connection');
    return this.consumer;
  }

  /** Every emitter gets an error listener; an outage is logged once until it is over. */
  private onError(emitter: { on(event: 'error', listener: (error: Error) => void): unknown }, what: string) {
    let logged = false;
    emitter.on('error', (error: Error) => {
      if (logged) return;
      logged = true;
      this.options.log(['jobs', 'warn'], `${what}: ${error.message}`);
      setTimeout(() => (logged = false), 30_000).unref();
    });
  }
}

/** A failed attempt that will be retried has no finishedOn: it ended just now, when the event fired. */
function secondsTaken(job: Job): number | null {
  if (!job.processedOn) return null;
  return Math.max(0, (job.finishedOn ?? Date.now()) - job.processedOn) / 1000;
}

function withoutUndefined(options: AddJobOptions): AddJobOptions {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
}
