import { access } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config/env.js';
import { ensureLocalRedis } from '../../src/startup/localRedis.js';
import type * as LocalRedis from '../../src/startup/localRedis.js';
import { resolveServices, StartupError } from '../../src/startup/resolveServices.js';
import { quietLog, reachableTempDir, removeDir } from './tempDirs.js';

vi.mock('../../src/startup/localRedis.js', async (importOriginal) => {
  const actual = await importOriginal<typeof LocalRedis>();
  return { ...actual, ensureLocalRedis: vi.fn(actual.ensureLocalRedis) };
});

describe('resolveServices', { timeout: 60_000 }, () => {
  let root: string;
  beforeAll(async () => {
    root = await reachableTempDir('wc-resolve-');
  });
  afterAll(() => removeDir(root));

  it('keeps configured URLs and starts nothing', async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: 'postgres://app:secret@db.example:5432/white_cross',
      REDIS_URL: 'redis://cache.example:6379',
      EMBEDDED_PG_DIR: path.join(root, 'never'),
    });
    const services = await resolveServices(config, quietLog);
    expect(services.config.database.url).toBe(config.database.url);
    expect(services.config.redis.url).toBe(config.redis.url);
    await services.stop();
    await expect(access(path.join(root, 'never'))).rejects.toThrow();
  });

  it('starts the embedded PostgreSQL when DATABASE_URL is unset and stops it', async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      REDIS_URL: 'redis://127.0.0.1:6379',
      EMBEDDED_PG_DIR: path.join(root, 'pg'),
    });
    const services = await resolveServices(config, quietLog);
    const url = services.config.database.url ?? '';
    expect(url).toMatch(/^postgres:\/\/postgres:.+@127\.0\.0\.1:\d+\/white_cross$/);
    expect(Object.isFrozen(services.config.database)).toBe(true);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.end();

    await services.stop();
    await services.stop(); // Idempotent: the entry point and a test helper may both call it.
    await expect(access(path.join(root, 'pg', 'postmaster.pid'))).rejects.toThrow();
  });

  it('stops the PostgreSQL it started when Redis cannot be had', async () => {
    vi.mocked(ensureLocalRedis).mockRejectedValueOnce(new StartupError('no Redis'));
    const config = loadConfig({ NODE_ENV: 'test', EMBEDDED_PG_DIR: path.join(root, 'pg') });
    const started: string[] = [];
    const log = { info: (m: string) => started.push(m), warn: () => undefined };
    await expect(resolveServices(config, log)).rejects.toThrow('no Redis');
    expect(started[0]).toMatch(/^Embedded PostgreSQL \d+ on 127\.0\.0\.1:\d+/);
    // A clean shutdown removes the lock file; a server still running keeps it.
    await expect(access(path.join(root, 'pg', 'postmaster.pid'))).rejects.toThrow();
  });
});
