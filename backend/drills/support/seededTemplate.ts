/**
 * The demo district, migrated and seeded once, kept as a template database: a drill's database
 * is a copy (CREATE DATABASE ... TEMPLATE, a fraction of a second), so its app finds a seeded
 * district on first start and seeds nothing: a first start on an empty database takes ~7 s, on
 * a seeded one ~2.5 s.
 *
 * The template is made by the real app (its first start migrates and seeds a fresh database,
 * as for anyone), then stopped. Its name carries a hash of everything that decides what the
 * seed writes: the app's sources (the seed goes through the modules' services), the demo
 * password, and today's date (seed dates are relative to today). Drill files run in parallel
 * workers and several checkouts may share one PostgreSQL: building, copying and dropping stale
 * templates all happen under one advisory lock (checkouts with different sources take turns
 * rebuilding theirs, which is slower but never wrong).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { deleteKeysMatching } from '../../src/config/redisKeys.js';
import { startApp } from './appProcess.js';

const SOURCES_DIR = new URL('../../src', import.meta.url).pathname;
const TEMPLATE_PREFIX = 'wc_drill_template_';
/** Any constant: advisory locks are per database, and this one is taken on the admin database. */
const TEMPLATE_LOCK_KEY = 727_002;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? sourceFiles(full) : [full];
    })
    .sort();
}

export function templateName(password: string, today = new Date()): string {
  const hash = createHash('sha256');
  for (const file of sourceFiles(SOURCES_DIR)) {
    hash.update(path.relative(SOURCES_DIR, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  hash.update(password).update('\0').update(today.toISOString().slice(0, 10));
  return `${TEMPLATE_PREFIX}${hash.digest('hex').slice(0, 16)}`;
}

async function dropDatabase(admin: pg.Client, name: string): Promise<void> {
  // A template cannot be dropped; an interrupted build may not have become one yet.
  await admin.query(`ALTER DATABASE "${name}" IS_TEMPLATE false`).catch(() => undefined);
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

/** The app's first start on an empty database, with a Redis prefix of its own removed afterwards. */
async function seedWithApp(databaseUrl: string, appEnv: Record<string, string>): Promise<void> {
  const keyPrefix = `${appEnv.REDIS_KEY_PREFIX}template:`;
  const app = await startApp({ ...appEnv, DATABASE_URL: databaseUrl, REDIS_KEY_PREFIX: keyPrefix });
  const exitCode = await app.stop();
  if (exitCode !== 0) throw new Error(`the app seeding the template exited ${exitCode}:\n${app.output()}`);
  // The seed's delayed appointment reminders (due a day or more ahead) stay behind with this
  // prefix: drills never reach them, and an app's reminder sweep would schedule them again.
  const redis = new Redis(appEnv.REDIS_URL!, { keyPrefix, maxRetriesPerRequest: 1 });
  try {
    await deleteKeysMatching(redis, '*');
  } finally {
    redis.disconnect();
  }
}

async function ensureTemplate(
  admin: pg.Client,
  adminUrl: string,
  template: string,
  appEnv: Record<string, string>,
): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname LIKE $1`,
    [`${TEMPLATE_PREFIX}%`],
  );
  // Other hashes are older sources or another day; `_building` ones are interrupted builds.
  for (const { datname } of rows) if (datname !== template) await dropDatabase(admin, datname);
  if (rows.some((r) => r.datname === template)) return;
  const building = `${template}_building`;
  await admin.query(`CREATE DATABASE "${building}"`);
  const buildingUrl = new URL(adminUrl);
  buildingUrl.pathname = `/${building}`;
  await seedWithApp(buildingUrl.toString(), appEnv);
  // Renamed only once seeded, so a template that exists is a complete one. No connections
  // allowed: a copy fails while anyone is connected to its template.
  await admin.query(`ALTER DATABASE "${building}" RENAME TO "${template}"`);
  await admin.query(`ALTER DATABASE "${template}" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
}

/**
 * Creates `database` as a copy of the seeded template on the server of `adminUrl`, building
 * the template first if this day's sources have none yet. `appEnv` is the drill's app
 * environment (Redis, demo password, schedules off).
 */
export async function createSeededDatabase(
  adminUrl: string,
  database: string,
  appEnv: Record<string, string>,
): Promise<void> {
  const template = templateName(appEnv.DEMO_PASSWORD!);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK_KEY]);
    await ensureTemplate(admin, adminUrl, template, appEnv);
    await admin.query(`CREATE DATABASE "${database}" TEMPLATE "${template}"`);
  } finally {
    await admin.end();
  }
}
