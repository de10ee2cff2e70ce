/**
 * What every benchmark needs: a real server on a fresh database (migrated from scratch) and
 * the machine's Redis under a prefix of its own, removed afterwards. Loopback only.
 */
import type { Server } from '@hapi/hapi';
import pg from 'pg';
import { loadConfig, type AppConfig } from '../src/config/env.js';
import { deleteKeysMatching } from '../src/config/redis.js';
import { createServer } from '../src/server.js';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Production settings over a database of the bench's own; `extra` adds or overrides. */
function benchConfig(name: string, extra: Record<string, string> = {}): AppConfig {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return loadConfig({
    NODE_ENV: 'production',
    JWT_SECRET: 'bench-only-secret-bench-only-secret-0123',
    LOG_LEVEL: 'silent',
    DATABASE_URL: url.toString(),
    REDIS_URL,
    REDIS_KEY_PREFIX: `wc:bench:${name}:`,
    SPA_DIST_DIR: '/nonexistent',
    ...extra,
  });
}

export async function withBenchServer<T>(work: (server: Server) => Promise<T>): Promise<T> {
  const name = `wc_bench_${process.pid}_${Date.now().toString(36)}`;
  await admin(`CREATE DATABASE "${name}"`);
  const config = benchConfig(name);
  const server = await createServer(config);
  await server.initialize();
  try {
    return await work(server);
  } finally {
    await deleteKeysMatching(server.app.redis, '*').catch(() => undefined);
    await server.stop();
    await admin(`DROP DATABASE "${name}" WITH (FORCE)`);
  }
}

const LISTEN_ON = { HOST: '127.0.0.1', PORT: '0' };

export interface ListeningReplica {
  server: Server;
  url: string;
  stop(): Promise<void>;
}

export interface ListeningBench {
  server: Server;
  url: string;
  /** Another replica over the same database and Redis prefix, as behind a load balancer. */
  startReplica(): Promise<ListeningReplica>;
}

const urlOf = (server: Server) => `http://127.0.0.1:${server.info.port}`;

/** Like withBenchServer, but really listening on a loopback port (sockets, real HTTP). */
export async function withListeningBenchServer<T>(work: (bench: ListeningBench) => Promise<T>): Promise<T> {
  const name = `wc_bench_${process.pid}_${Date.now().toString(36)}`;
  await admin(`CREATE DATABASE "${name}"`);
  const server = await createServer(benchConfig(name, LISTEN_ON));
  const replicas: Server[] = [];
  try {
    await server.start();
    return await work({
      server,
      url: urlOf(server),
      async startReplica() {
        const replica = await createServer(benchConfig(name, LISTEN_ON), { migrate: false });
        replicas.push(replica);
        await replica.start();
        return { server: replica, url: urlOf(replica), stop: () => replica.stop() };
      },
    });
  } finally {
    for (const replica of replicas) await replica.stop();
    await deleteKeysMatching(server.app.redis, '*').catch(() => undefined);
    await server.stop();
    await admin(`DROP DATABASE "${name}" WITH (FORCE)`);
  }
}

/** Percentile of sorted samples (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function timeIt(
  iterations: number,
  run: () => Promise<void>,
): Promise<{ p50: number; p99: number; mean: number }> {
  const samples: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const started = process.hrtime.bigint();
    await run();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), mean };
}

export function printTable(title: string, rows: Array<Record<string, string | number>>): void {
  const columns = Object.keys(rows[0] ?? {});
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  process.stdout.write(`\n${title}\n`);
  process.stdout.write(`${line(columns)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n`);
  for (const row of rows) process.stdout.write(`${line(columns.map((c) => String(row[c])))}\n`);
}
