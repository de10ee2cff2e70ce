/**
 * Runs the migrations listed in ./index.ts with umzug. A Postgres advisory lock, held on a
 * connection of its own, makes replicas that start together migrate one at a time.
 */
import pg from 'pg';
import type { Sequelize } from 'sequelize';
import { SequelizeStorage, Umzug } from 'umzug';
import { MIGRATIONS } from './index.js';

const MIGRATION_LOCK_KEY = 727_001;

function createUmzug(sequelize: Sequelize) {
  return new Umzug({
    migrations: MIGRATIONS.map((m) => ({
      name: m.name,
      up: () => sequelize.transaction((transaction) => sequelize.query(m.up, { transaction })),
      down: () => sequelize.transaction((transaction) => sequelize.query(m.down, { transaction })),
    })),
    storage: new SequelizeStorage({ sequelize, tableName: 'schema_migrations' }),
    logger: undefined,
  });
}

async function withMigrationLock<T>(sequelize: Sequelize, work: () => Promise<T>): Promise<T> {
  const { host, port, database, username, password } = sequelize.config;
  const client = new pg.Client({
    host,
    port: Number(port),
    database,
    user: username,
    password: password ?? undefined,
    ssl: (sequelize.config as { dialectOptions?: { ssl?: object } }).dialectOptions?.ssl,
  });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    return await work();
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

/** Applies pending migrations; returns their names. */
export async function runMigrations(sequelize: Sequelize): Promise<string[]> {
  return withMigrationLock(sequelize, async () => {
    const applied = await createUmzug(sequelize).up();
    return applied.map((m) => m.name);
  });
}

export async function pendingMigrations(sequelize: Sequelize): Promise<string[]> {
  return (await createUmzug(sequelize).pending()).map((m) => m.name);
}
