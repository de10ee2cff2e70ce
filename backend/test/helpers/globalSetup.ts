/**
 * Once per test run: create a template database and migrate it. Every test file then gets
 * a copy (CREATE DATABASE ... TEMPLATE), which is far faster than migrating each one.
 */
import type { TestProject } from 'vitest/node';
import { createSequelize } from '../../src/config/database.js';
import { loadConfig } from '../../src/config/env.js';
import { runMigrations } from '../../src/migrations/migrator.js';
import { databaseUrl, dropDatabase, uniqueName, withAdminClient } from './services.js';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const template = uniqueName('wc_test_template');
  await withAdminClient((c) => c.query(`CREATE DATABASE "${template}"`));
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl(template) });
  const sequelize = createSequelize(config);
  try {
    await runMigrations(sequelize);
  } finally {
    await sequelize.close();
  }
  project.provide('templateDatabase', template);
  return () => dropDatabase(template);
}
