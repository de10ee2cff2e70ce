/**
 * A drill's own world: a throwaway database on the machine's PostgreSQL (or DRILL_DATABASE_URL)
 * and a Redis key prefix of its own, both removed afterwards. Loopback only. The database is a
 * copy of the seeded demo district (seededTemplate.ts): the app finds it seeded on first start.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { deleteKeysMatching } from '../../src/config/redisKeys.js';
import { createSeededDatabase } from './seededTemplate.js';

export const ADMIN_DATABASE_URL =
  process.env.DRILL_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';
export const SHARED_REDIS_URL =
  process.env.DRILL_REDIS_URL ?? process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The demo district's password in every drill (seeded into the template by the app). */
export const DRILL_PASSWORD = 'drill-demo-password';

/** Recurring sweeps off: a drill counts only the jobs it adds itself. */
export const NO_SCHEDULES = {
  MEDICATION_REMINDER_CRON: 'off',
  IMMUNIZATION_ALERT_CRON: 'off',
  INVENTORY_MAINTENANCE_CRON: 'off',
  APPOINTMENT_REMINDER_SWEEP_CRON: 'off',
  SIS_SYNC_CRON: 'off',
  DATA_EXPORT_CRON: 'off',
} as const;

export interface DrillEnvironment {
  name: string;
  databaseUrl: string;
  redisUrl: string;
  keyPrefix: string;
  /** Environment for the app processes (spread it, then add or override). */
  appEnv: Record<string, string>;
  cleanup(): Promise<void>;
}

async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function databaseUrlFor(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * `redisUrl` lets a drill point the app at a redis-server it starts (and stops) itself.
 * `empty` gives an empty database instead of the seeded copy (a production-mode app then
 * starts with no organization at all, as in a real deployment).
 */
export async function createDrillEnvironment(
  drill: string,
  options: { redisUrl?: string; adminDatabaseUrl?: string; empty?: boolean } = {},
): Promise<DrillEnvironment> {
  const name = `wc_drill_${drill.replace(/\W/g, '_')}_${process.pid}_${Date.now().toString(36)}`;
  const adminUrl = options.adminDatabaseUrl ?? ADMIN_DATABASE_URL;
  const redisUrl = options.redisUrl ?? SHARED_REDIS_URL;
  const databaseUrl = databaseUrlFor(adminUrl, name);
  const keyPrefix = `wc:drill:${name}:`;
  const appEnv = {
    NODE_ENV: 'development',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: keyPrefix,
    JWT_SECRET: randomBytes(32).toString('base64url'),
    DEMO_PASSWORD: DRILL_PASSWORD,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    SPA_DIST_DIR: '/nonexistent',
    SIMULATORS: 'off',
    ...NO_SCHEDULES,
  };
  // On a PostgreSQL of the drill's own the app seeds: a template there would cost what it saves.
  if (adminUrl === ADMIN_DATABASE_URL && !options.empty) await createSeededDatabase(adminUrl, name, appEnv);
  else await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  return {
    name,
    databaseUrl,
    redisUrl,
    keyPrefix,
    appEnv,
    async cleanup() {
      const redis = new Redis(redisUrl, { keyPrefix, lazyConnect: true, maxRetriesPerRequest: 1 });
      redis.on('error', () => undefined);
      await redis
        .connect()
        .then(() => deleteKeysMatching(redis, '*'))
        .catch(() => undefined);
      redis.disconnect();
      await withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).catch(
        () => undefined,
      );
    },
  };
}
