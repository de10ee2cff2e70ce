/**
 * One API's outbound rate limit, counted in Redis (bottleneck's clustering) so that every
 * replica together stays under it: requests are spaced `1000 / maxPerSecond` ms apart across
 * the cluster, the spacing decided by Redis's clock. A request over the limit waits its turn,
 * but at most `maxWaitMs`; then it fails with IntegrationRateLimited instead of hanging.
 *
 * Redis down: the limiter falls back to an in-process one with the same spacing (logged once),
 * so calls keep flowing and each replica still respects the limit on its own.
 */
import Bottleneck from 'bottleneck';
import { Redis } from 'ioredis';
import { IntegrationRateLimited, IntegrationUnavailable } from './integrationErrors.js';

export interface RateLimitOptions {
  maxPerSecond: number;
  /** Requests in flight at once, cluster-wide; unset = no limit besides the rate. */
  maxConcurrent?: number;
  maxWaitMs: number;
}

export interface RateLimitSnapshot {
  maxPerSecond: number;
  /** Where the count lives now: `redis` (shared) or `local` (Redis unavailable or not given). */
  store: 'redis' | 'local';
  /** Requests of this process waiting for their turn now. */
  waiting: number;
  /** Requests that got a turn, and those refused after waiting maxWaitMs, since start-up. */
  granted: number;
  refused: number;
}

type Log = (tags: string[], message: string) => void;

/**
 * Requests leave on local timers and cross the network with jitter, so the remote sees them
 * bunched by tens of ms; spacing them 10% wider keeps its count per second under the limit
 * rather than on it.
 */
const SPACING_MARGIN = 1.1;
/** Idle limiter state expires from Redis (a renamed or removed API leaves nothing behind). */
const REDIS_STATE_TTL_MS = 15 * 60_000;

export class SharedRateLimiter {
  private readonly local: Bottleneck;
  private readonly shared: Bottleneck | null;
  private readonly connection: Redis | null;
  private readonly shareConnection: Bottleneck.IORedisConnection | null;
  /** Settles once the shared connection first answers or fails: until then nobody picks a limiter. */
  private readonly firstConnection: Promise<void>;
  private granted = 0;
  private refused = 0;
  private waiting = 0;
  private warned = false;
  private closed = false;

  constructor(
    private readonly name: string,
    private readonly options: RateLimitOptions,
    redis: Redis | undefined,
    private readonly log: Log,
  ) {
    const settings = {
      minTime: Math.ceil((1000 / options.maxPerSecond) * SPACING_MARGIN),
      maxConcurrent: options.maxConcurrent ?? null,
    };
    this.local = new Bottleneck(settings);
    if (!redis) {
      this.shared = null;
      this.connection = null;
      this.shareConnection = null;
      this.firstConnection = Promise.resolve();
      return;
    }
    // Our own connection (bottleneck duplicates it once more to subscribe), so closing this
    // limiter never closes the caller's. Not lazy: bottleneck waits for "ready" before its first command.
    const client = redis.duplicate({ lazyConnect: false, connectionName: `white-cross:ratelimit-${name}` });
    this.connection = client;
    // Counting locally while a just-started replica connects would let it send at the full rate.
    this.firstConnection = new Promise((resolve) => {
      for (const event of ['ready', 'error', 'end']) client.once(event, () => resolve());
    });
    const connection = new Bottleneck.IORedisConnection({ client: this.connection, Redis });
    connection.on('error', (error: Error) => this.warnOnce(`Redis (${error.name})`));
    this.shareConnection = connection;
    this.shared = new Bottleneck({
      ...settings,
      id: `ratelimit:${name}`,
      connection,
      timeout: REDIS_STATE_TTL_MS,
    });
    this.shared.on('error', (error: Error) => this.warnOnce(`Redis (${error.name})`));
    // A limit changed in config must win over the settings an older replica left in Redis.
    void this.shared
      .ready()
      .then(() => this.shared?.updateSettings(settings))
      .catch(() => undefined);
  }

  /** Runs `task` when this API has a free slot; IntegrationRateLimited after waiting maxWaitMs. */
  schedule<T>(task: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new IntegrationUnavailable(this.name, 'client-closed'));
    return new Promise<T>((resolve, reject) => {
      let started = false;
      let abandoned = false;
      this.waiting += 1;
      const timer = setTimeout(() => {
        if (started) return;
        // The slot may still come later; the job then returns at once without calling out.
        abandoned = true;
        this.waiting -= 1;
        this.refused += 1;
        reject(
          new IntegrationRateLimited(this.name, 'local', {
            retryAfterSeconds: Math.max(1, Math.ceil(1 / this.options.maxPerSecond)),
          }),
        );
      }, this.options.maxWaitMs);
      const job = async () => {
        if (abandoned) return;
        started = true;
        clearTimeout(timer);
        this.waiting -= 1;
        this.granted += 1;
        await task().then(resolve, reject);
      };
      const failed = () => {
        if (started || abandoned) return;
        if (this.closed) {
          clearTimeout(timer);
          this.waiting -= 1;
          reject(new IntegrationUnavailable(this.name, 'client-closed'));
          return;
        }
        // The shared store failed mid-request: this one goes through the local limiter.
        this.warnOnce('the shared limiter failed');
        this.local.schedule(job).catch(() => undefined);
      };
      void this.firstConnection.then(() => {
        if (!abandoned) this.limiter().schedule(job).catch(failed);
      });
    });
  }

  snapshot(): RateLimitSnapshot {
    return {
      maxPerSecond: this.options.maxPerSecond,
      store: this.sharedIsUp() ? 'redis' : 'local',
      waiting: this.waiting,
      granted: this.granted,
      refused: this.refused,
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const drop = { dropWaitingJobs: true };
    await Promise.all([
      this.local.stop(drop).catch(() => undefined),
      this.shared?.stop(drop).catch(() => undefined),
    ]);
    // Closes both of our connections (the client and bottleneck's subscriber) and its heartbeat;
    // a polite QUIT only to a Redis that answers, or it would wait for one that never comes back.
    const polite = this.sharedIsUp();
    await this.shareConnection?.disconnect(polite).catch(() => this.connection?.disconnect());
  }

  private sharedIsUp(): boolean {
    return this.connection?.status === 'ready';
  }

  private limiter(): Bottleneck {
    if (!this.shared) return this.local;
    if (this.sharedIsUp()) {
      this.warned = false;
      return this.shared;
    }
    this.warnOnce('Redis is not connected');
    return this.local;
  }

  private warnOnce(why: string): void {
    if (this.warned || this.closed) return;
    this.warned = true;
    this.log(
      ['integrations', this.name, 'warn'],
      `${this.name} rate limit counted in this process only: ${why}`,
    );
  }
}
