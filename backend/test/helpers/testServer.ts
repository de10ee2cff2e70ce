/**
 * A server for one test file: its own database (copied from the migrated template) and its
 * own Redis key prefix; initialized, never listening, never consuming jobs. stop() removes
 * the database and every key under the prefix (never FLUSHDB: the Redis is shared).
 */
import type { Server } from '@hapi/hapi';
import { Redis } from 'ioredis';
import { inject } from 'vitest';
import { loadConfig, type AppConfig } from '../../src/config/env.js';
import { deleteKeysMatching } from '../../src/config/redis.js';
import { NO_SCHEDULES } from '../../drills/support/drillEnvironment.js';
import { createServer, type CreateServerOptions } from '../../src/server.js';
import { databaseUrl, dropDatabase, TEST_REDIS_URL, uniqueName, withAdminClient } from './services.js';

export interface TestServer {
  server: Server;
  config: AppConfig;
  databaseName: string;
  stop(): Promise<void>;
}

// A sweep ticking mid-test would write notifications nobody asked for; tests that exercise
// schedules turn theirs on. One list with the drills, which count only the jobs they add.
export { NO_SCHEDULES };

export async function createTestDatabase(): Promise<string> {
  const name = uniqueName('wc_test');
  const template = inject('templateDatabase');
  // Two files copying the template at the same instant can collide; retry briefly.
  for (let attempt = 1; ; attempt += 1) {
    try {
      await withAdminClient((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
      return name;
    } catch (error) {
      if (attempt >= 10) throw error;
      await new Promise((r) => setTimeout(r, 100 * attempt));
    }
  }
}

export async function removeRedisPrefix(prefix: string, redisUrl = TEST_REDIS_URL): Promise<void> {
  const redis = new Redis(redisUrl, {
    keyPrefix: prefix,
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await deleteKeysMatching(redis, '*');
  } catch {
    // The Redis under test may be the one a test stopped on purpose.
  } finally {
    redis.disconnect();
  }
}

export async function startTestServer(
  env: Record<string, string> = {},
  options: CreateServerOptions = {},
): Promise<TestServer> {
  const databaseName = await createTestDatabase();
  const keyPrefix = `${uniqueName('wc:test')}:`;
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: databaseUrl(databaseName),
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: keyPrefix,
    SPA_DIST_DIR: '/nonexistent-spa-dist',
    DATABASE_POOL_MAX: '5',
    ...NO_SCHEDULES,
    ...env,
  });
  const server = await createServer(config, { migrate: false, ...options });
  await server.initialize();
  return {
    server,
    config,
    databaseName,
    async stop() {
      await settleRedisClients(server);
      await server.stop();
      await removeRedisPrefix(keyPrefix, config.redis.url);
      await dropDatabase(databaseName);
    },
  };
}

const REDIS_BACKED = ['redis', 'websocket', 'jobQueue'];

/**
 * Outage tests restart their own Redis and then stop the server: a stop while the clients are
 * still reconnecting rejects their pending commands ("Connection is closed.") with nobody left
 * to catch them. Give the Redis-backed components up to 5 s to be back first.
 */
async function settleRedisClients(server: Server): Promise<void> {
  // Already stopped (the test stopped it itself): nothing is reconnecting any more.
  if (server.app.health.isDraining()) return;
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const { components } = await server.app.health.report();
    if (REDIS_BACKED.every((name) => components[name]?.status !== 'unhealthy')) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
