/** What the figures were measured on: they mean little without the machine beside them. */
import os from 'node:os';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { BenchEnvironment } from './context.js';

async function postgresVersion(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return rows[0]!.server_version.split(' ')[0]!;
  } finally {
    await client.end();
  }
}

async function redisVersion(redisUrl: string): Promise<string> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    return /redis_version:(\S+)/.exec(await redis.info('server'))?.[1] ?? 'unknown';
  } finally {
    redis.disconnect();
  }
}

/** "AMD EPYC 7B13, 2 cores, 7.8 GiB RAM, Node v20.19.0, PostgreSQL 16.4, Redis 7.0.15". */
export async function describeMachine(env: BenchEnvironment): Promise<string> {
  const [postgres, redis] = await Promise.all([
    postgresVersion(env.databaseUrl).catch(() => 'unknown'),
    redisVersion(env.redisUrl).catch(() => 'unknown'),
  ]);
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const ram = (os.totalmem() / 1024 ** 3).toFixed(1);
  return `${cpu}, ${os.availableParallelism()} cores, ${ram} GiB RAM, Node ${process.version}, PostgreSQL ${postgres}, Redis ${redis}`;
}
