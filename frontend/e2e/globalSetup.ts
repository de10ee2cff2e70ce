import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startBackend, type BackendServer } from './support/backendServer';
import { ensureSpaBuilt } from './support/buildSpa';
import { createTestDatabase, type TestDatabase } from './support/database';
import { deleteKeysWithPrefix } from './support/redisKeys';
import { screenshotDir } from './support/screenshots';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    demoPassword: string;
  }
}

const frontendDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const backendDir = path.resolve(frontendDir, '..', 'backend');
const adminDatabaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
// Printed by the demo seed once it has finished (see startBackend's readyOutput).
const NURSE_EMAIL = 'nurse.garcia@lincoln-usd.example';

/**
 * One real stack for the browser journeys: the built SPA, a throwaway database, a Redis key
 * prefix of our own and the backend on a free port. Teardown removes all of it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runId = randomBytes(6).toString('hex');
  const redisKeyPrefix = `wc:e2e:${runId}:`;
  const demoPassword = `e2e-${randomBytes(12).toString('base64url')}`;
  let database: TestDatabase | undefined;
  let server: BackendServer | undefined;

  const teardown = async () => {
    // Each step runs even if an earlier one failed, so nothing is left behind needlessly.
    const steps: Array<() => Promise<unknown> | undefined> = [
      () => server?.stop(),
      () => deleteKeysWithPrefix(redisUrl, redisKeyPrefix),
      () => database?.drop(),
    ];
    const failures: unknown[] = [];
    for (const step of steps) {
      try {
        await step();
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length > 0) throw new AggregateError(failures, 'e2e teardown was incomplete');
  };

  // This run's screenshots only: a screen that no longer exists leaves no picture behind.
  rmSync(screenshotDir, { recursive: true, force: true });
  try {
    await ensureSpaBuilt(frontendDir);
    database = await createTestDatabase(adminDatabaseUrl);
    server = await startBackend(backendDir, {
      env: {
        NODE_ENV: 'development',
        DATABASE_URL: database.url,
        REDIS_URL: redisUrl,
        REDIS_KEY_PREFIX: redisKeyPrefix,
        DEMO_PASSWORD: demoPassword,
        LOG_LEVEL: 'warn',
        SPA_DIST_DIR: path.join(frontendDir, 'dist'),
      },
      readyOutput: NURSE_EMAIL,
    });
  } catch (error) {
    await teardown().catch(() => undefined);
    throw error;
  }

  project.provide('baseUrl', server.url);
  project.provide('demoPassword', demoPassword);
  return teardown;
}
