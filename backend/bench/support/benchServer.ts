/**
 * The bench's world: a fresh database on the machine's PostgreSQL and a Redis key prefix of its
 * own, the real server (`src/index.ts`, production settings) as a child process logging into a
 * file, and replicas on demand. `close()` stops every process and removes the database and the
 * keys; it is safe to call twice (a Ctrl-C during a normal close).
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Redis } from 'ioredis';
import pg from 'pg';
import { startApp, type AppProcess } from '../../drills/support/appProcess.js';
import { NO_SCHEDULES } from '../../drills/support/drillEnvironment.js';
import { deleteKeysMatching } from '../../src/config/redisKeys.js';
import type { BenchEnvironment } from './context.js';

const ADMIN_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface BenchServer {
  env: BenchEnvironment;
  app: AppProcess;
  /** How long the first server took from spawn to /health/ready 200 (migrating an empty database). */
  startMs: number;
  /** The log file of every process started so far: the server first, then each replica. */
  logFiles(): string[];
  startReplica(): Promise<AppProcess>;
  /** Stops the replicas started since the call before (a section's), keeping the server. */
  stopReplicas(): Promise<void>;
  /** Empties the app's cache (`cache:*` keys), so that the next reads start cold. */
  clearCache(): Promise<void>;
  /** Lines of every log that report an unexpected error or have level error or fatal (>= 50). */
  loggedErrors(): Promise<string[]>;
  close(): Promise<void>;
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function benchEnvironment(database: string): BenchEnvironment {
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${database}`;
  const keyPrefix = `wc:bench:${database}:`;
  return {
    databaseUrl: url.toString(),
    redisUrl: REDIS_URL,
    keyPrefix,
    appEnv: {
      NODE_ENV: 'production',
      DATABASE_URL: url.toString(),
      REDIS_URL,
      REDIS_KEY_PREFIX: keyPrefix,
      JWT_SECRET: randomBytes(48).toString('base64url'),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      // The SPA is not what is measured; the API answers the same without it.
      SPA_DIST_DIR: '/nonexistent',
      SIMULATORS: 'off',
      ...NO_SCHEDULES,
    },
  };
}

/** Deletes the app's keys matching `pattern` under its prefix (SCAN, never FLUSH: Redis is shared). */
async function deleteKeys(env: BenchEnvironment, pattern: string): Promise<number> {
  const redis = new Redis(env.redisUrl, {
    keyPrefix: env.keyPrefix,
    lazyConnect: true,
    maxRetriesPerRequest: 1,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return await deleteKeysMatching(redis, pattern);
  } finally {
    redis.disconnect();
  }
}

async function errorLines(file: string): Promise<string[]> {
  const found: string[] = [];
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) {
    const level = Number(/"level":(\d+)/.exec(line)?.[1] ?? 0);
    if (level >= 50 || line.includes('"unexpected error"')) found.push(line);
  }
  return found;
}

export async function startBenchServer(): Promise<BenchServer> {
  const database = `wc_bench_${process.pid}_${Date.now().toString(36)}`;
  const env = benchEnvironment(database);
  const logBase = path.join(os.tmpdir(), `white-cross-bench-${process.pid}`);
  const logFiles = [`${logBase}.log`];
  await withAdmin((c) => c.query(`CREATE DATABASE "${database}"`));
  writeFileSync(logFiles[0]!, '');

  const processes: AppProcess[] = [];
  let sectionReplicas: AppProcess[] = [];
  // An abrupt exit (process.exit, a crash) never reaches close(): the servers must not outlive us.
  process.once('exit', () => processes.forEach((p) => p.child.kill('SIGKILL')));
  let closed: Promise<void> | undefined;
  const close = () =>
    (closed ??= (async () => {
      await Promise.allSettled(processes.map((p) => p.stop('SIGTERM', 15_000)));
      await deleteKeys(env, '*').catch(() => undefined);
      await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
    })());

  try {
    const started = performance.now();
    const app = await startApp(env.appEnv, { logFile: logFiles[0] });
    processes.push(app);
    const startMs = performance.now() - started;
    return {
      env,
      app,
      startMs,
      logFiles: () => [...logFiles],
      // The first server migrated the database before it became ready: no migration race.
      async startReplica() {
        const logFile = `${logBase}-replica-${logFiles.length}.log`;
        logFiles.push(logFile);
        const replica = await startApp(env.appEnv, { logFile });
        processes.push(replica);
        sectionReplicas.push(replica);
        return replica;
      },
      async stopReplicas() {
        const stopping = sectionReplicas;
        sectionReplicas = [];
        await Promise.allSettled(stopping.map((p) => p.stop('SIGTERM', 15_000)));
      },
      loggedErrors: async () => (await Promise.all(logFiles.map(errorLines))).flat(),
      clearCache: async () => {
        await deleteKeys(env, 'cache:*');
      },
      close,
    };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}
