/**
 * Servers that really listen (socket tests need a port): like startTestServer, but started on
 * 127.0.0.1 with port 0. startReplica adds a second server over the SAME database and the
 * SAME Redis key prefix, as a second replica behind a load balancer would be.
 */
import type { Server } from '@hapi/hapi';
import { loadConfig } from '../../src/config/env.js';
import { createServer } from '../../src/server.js';
import { NO_SCHEDULES, startTestServer, type TestServer } from './testServer.js';

const LISTEN_ON = { HOST: '127.0.0.1', PORT: '0' };

export type ListeningTestServer = TestServer & { url: string };

export interface Replica {
  server: Server;
  url: string;
  /** Stops this replica only; the primary's stop() removes the database and the Redis keys. */
  stop(): Promise<void>;
}

export function urlOf(server: Server): string {
  return `http://127.0.0.1:${server.info.port}`;
}

export async function startListeningServer(env: Record<string, string> = {}): Promise<ListeningTestServer> {
  const test = await startTestServer({ ...env, ...LISTEN_ON });
  try {
    await test.server.start();
  } catch (error) {
    await test.stop();
    throw error;
  }
  return { ...test, url: urlOf(test.server) };
}

/** A second server sharing the primary's database and Redis prefix; `env` adds settings of its own. */
export async function startReplica(primary: TestServer, env: Record<string, string> = {}): Promise<Replica> {
  const { database, redis } = primary.config;
  if (!database.url || !redis.url) throw new Error('the primary test server has unresolved services');
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    REDIS_KEY_PREFIX: redis.keyPrefix,
    SPA_DIST_DIR: primary.config.spaDistDir,
    DATABASE_POOL_MAX: String(database.poolMax),
    JWT_SECRET: primary.config.auth.jwtSecret,
    ...NO_SCHEDULES,
    ...env,
    ...LISTEN_ON,
  });
  const server = await createServer(config, { migrate: false });
  await server.start();
  return {
    server,
    url: urlOf(server),
    async stop() {
      await server.stop();
    },
  };
}
