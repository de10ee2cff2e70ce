import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, EXAMPLE_JWT_SECRET, loadConfig } from '../../src/config/env.js';

const production = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://app@db:5432/white_cross',
  REDIS_URL: 'redis://cache:6379',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('loadConfig', () => {
  it('gives documented defaults outside production', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ nodeEnv: 'development', port: 3001, appRole: 'all' });
    expect(config.auth).toMatchObject({
      sessionTtlMinutes: 30,
      idleLogoutMinutes: 15,
      maxFailuresPerAccount: 5,
      maxFailuresPerIp: 50,
    });
    expect(config.database.url).toBeUndefined();
    expect(Object.isFrozen(config.auth)).toBe(true);
  });

  it('lists every bad value at once', () => {
    const problems = problemsOf({ PORT: 'eighty', NODE_ENV: 'staging', DATABASE_URL: 'mysql://x' });
    expect(problems.join('\n')).toMatch(/PORT/);
    expect(problems.join('\n')).toMatch(/NODE_ENV/);
    expect(problems.join('\n')).toMatch(/DATABASE_URL/);
  });

  it('refuses production with a missing, example or short JWT secret', () => {
    expect(problemsOf(production)).toContain('JWT_SECRET is required in production');
    expect(problemsOf({ ...production, JWT_SECRET: EXAMPLE_JWT_SECRET })[0]).toMatch(/example value/);
    expect(problemsOf({ ...production, JWT_SECRET: 'short-secret' })[0]).toMatch(/at least 32/);
    expect(problemsOf({ ...production, JWT_SECRET: 'k'.repeat(48) })).toEqual([]);
  });

  it('refuses production without an explicit database and Redis', () => {
    const problems = problemsOf({ NODE_ENV: 'production', JWT_SECRET: 'k'.repeat(48) });
    expect(problems.some((p) => p.startsWith('DATABASE_URL'))).toBe(true);
    expect(problems.some((p) => p.startsWith('REDIS_URL'))).toBe(true);
  });

  it('reads the sweep crons, "off", and refuses malformed crons and unknown time zones', () => {
    const jobs = loadConfig({
      INVENTORY_MAINTENANCE_CRON: 'off',
      JOB_SCHEDULE_TIME_ZONE: 'America/Chicago',
    }).jobs;
    expect(jobs).toMatchObject({
      medicationReminderCron: '0 */6 * * *',
      inventoryMaintenanceCron: null,
      scheduleTimeZone: 'America/Chicago',
    });
    const problems = problemsOf({
      IMMUNIZATION_ALERT_CRON: 'at midnight',
      JOB_SCHEDULE_TIME_ZONE: 'Mars/Base',
    });
    expect(problems.join('\n')).toMatch(/IMMUNIZATION_ALERT_CRON.*cron pattern/);
    expect(problems.join('\n')).toMatch(/JOB_SCHEDULE_TIME_ZONE/);
  });

  it('builds the Redis URL from REDIS_HOST, REDIS_PORT and REDIS_PASSWORD', () => {
    const config = loadConfig({ REDIS_HOST: 'cache', REDIS_PORT: '6380', REDIS_PASSWORD: 'p@ss' });
    expect(config.redis.url).toBe('redis://:p%40ss@cache:6380');
  });
});

describe('the entry point in production with the example secret', () => {
  it('exits non-zero with a clear message and starts nothing', async () => {
    const result = await promisify(execFile)('node', ['--import', 'tsx', 'src/index.ts'], {
      cwd: new URL('../..', import.meta.url).pathname,
      env: { ...process.env, ...production, JWT_SECRET: EXAMPLE_JWT_SECRET },
      timeout: 20_000,
    }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('White Cross cannot start');
    expect(result.stderr).toContain('JWT_SECRET is the example value');
  });
});
