/**
 * Redis connections. Every key lives under the configured prefix (tests get one each).
 * Commands fail fast while Redis is down (no offline queue) so callers can fall back to
 * Postgres instead of hanging; the client keeps reconnecting in the background.
 */
import type { Plugin } from '@hapi/hapi';
import { Redis } from 'ioredis';
import type { HealthRegistry } from '../infrastructure/monitoring/healthCheck.js';
import { Cache } from './cache.js';
export { deleteKeysMatching } from './redisKeys.js';
import type { AppConfig } from './env.js';

export { Cache, CACHE_TTL, cacheKeys, invalidateStudentCache, type CacheStats } from './cache.js';

declare module '@hapi/hapi' {
  interface ServerApplicationState {
    redis: Redis;
    cache: Cache;
  }
}

export function createRedisClient(config: AppConfig, connectionName: string): Redis {
  if (!config.redis.url) throw new Error('redis.url must be resolved before the server is created');
  return new Redis(config.redis.url, {
    keyPrefix: config.redis.keyPrefix,
    connectionName: `white-cross:${connectionName}`,
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    commandTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
}

export interface RedisPluginOptions {
  redis: Redis;
  health: HealthRegistry;
}

export const redisPlugin: Plugin<RedisPluginOptions> = {
  name: 'redis',
  register(server, { redis, health }) {
    server.app.redis = redis;
    server.app.cache = new Cache(redis, (message) => server.log(['cache', 'warn'], message));
    let warned = false;
    redis.on('error', (error: Error) => {
      // Logged once per outage: a reconnect loop must not flood the log.
      if (warned) return;
      warned = true;
      server.log(['redis', 'warn'], `Redis unavailable (${error.name}); falling back where possible`);
    });
    redis.on('ready', () => {
      warned = false;
    });

    server.ext('onPreStart', async () => {
      // A Redis outage at start-up is survivable: readiness reports it and the client retries.
      await redis.connect().catch(() => undefined);
    });
    server.ext('onPostStop', async () => {
      await redis.quit().catch(() => redis.disconnect());
    });

    health.register({
      name: 'redis',
      critical: true,
      async check() {
        const started = Date.now();
        await redis.ping();
        return {
          status: 'healthy',
          message: 'Redis answers',
          details: { latencyMs: Date.now() - started, cache: server.app.cache.stats() },
        };
      },
    });
  },
};
