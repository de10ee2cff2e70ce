/**
 * The Redis connection behind the Socket.io streams adapter. Unlike the cache connection it
 * must allow blocking reads (XREAD BLOCK outlives any command timeout) and queue commands
 * while Redis reconnects, so a short outage delays broadcasts instead of dropping them.
 * The adapter duplicates the connection for its readers; the duplicates are tracked so
 * shutdown can close them at once instead of waiting for a pending XREAD to time out.
 */
import { Redis, type RedisOptions } from 'ioredis';
import type { AppConfig } from '../../config/env.js';

class TrackedRedis extends Redis {
  readonly duplicates: Redis[] = [];

  override duplicate(override?: Partial<RedisOptions>): Redis {
    const copy = super.duplicate(override);
    this.duplicates.push(copy);
    return copy;
  }
}

export interface AdapterRedis {
  client: Redis;
  /**
   * Resolves once the connection and its duplicates are ready, or after timeoutMs (a Redis
   * outage at start-up is survivable: the clients keep reconnecting and health reports it).
   */
  whenReady(timeoutMs: number): Promise<void>;
  /** Connected and serving commands (the health check reports it). */
  isReady(): boolean;
  close(): Promise<void>;
}

export function createAdapterRedis(config: AppConfig): AdapterRedis {
  if (!config.redis.url) throw new Error('redis.url must be resolved before the server is created');
  const client = new TrackedRedis(config.redis.url, {
    keyPrefix: config.redis.keyPrefix,
    connectionName: 'white-cross:socket-adapter',
    enableOfflineQueue: true,
    // A few reconnect attempts, then the command fails: the adapter then still delivers locally.
    maxRetriesPerRequest: 3,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  // Outages are reported by the health check; the client reconnects on its own.
  client.on('error', () => undefined);
  return {
    client,
    whenReady: (timeoutMs) =>
      Promise.all([client, ...client.duplicates].map((c) => ready(c, timeoutMs))).then(),
    isReady: () => client.status === 'ready',
    async close() {
      for (const copy of client.duplicates) copy.disconnect();
      await client.quit().catch(() => client.disconnect());
    },
  };
}

function ready(client: Redis, timeoutMs: number): Promise<void> {
  if (client.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      client.off('ready', done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    client.once('ready', done);
  });
}
