import { readFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, isProcessAlive } from '../../src/startup/localProcess.js';
import { ensureLocalRedis, pingRedis, StartupError } from '../../src/startup/localRedis.js';
import { quietLog, reachableTempDir, removeDir } from './tempDirs.js';

const machineRedis = await pingRedis(6379);

async function withClient<T>(url: string, work: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0 });
  await redis.connect();
  try {
    return await work(redis);
  } finally {
    redis.disconnect();
  }
}

describe('ensureLocalRedis', { timeout: 30_000 }, () => {
  let root: string;
  beforeAll(async () => {
    root = await reachableTempDir('wc-redis-');
  });
  afterAll(() => removeDir(root));

  it.runIf(machineRedis === 'pong')('uses the Redis answering on 127.0.0.1:6379', async () => {
    const redis = await ensureLocalRedis({ dataDir: path.join(root, 'unused'), log: quietLog });
    expect(redis.url).toBe('redis://127.0.0.1:6379');
    await redis.stop(); // Not ours: must leave it running.
    expect(await pingRedis(6379)).toBe('pong');
  });

  it('starts a redis-server child when nothing answers, keeps its data, stops it', async () => {
    const probePort = await freePort();
    const dataDir = path.join(root, 'child');
    const first = await ensureLocalRedis({ dataDir, log: quietLog, probePort });
    const port = Number(new URL(first.url).port);
    expect(port).not.toBe(probePort);
    const pid = Number(await readFile(path.join(dataDir, 'redis-server.pid'), 'utf8'));
    try {
      await withClient(first.url, async (redis) => {
        expect(await redis.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
        expect(await redis.config('GET', 'maxmemory-policy')).toEqual(['maxmemory-policy', 'noeviction']);
        await redis.set('wc:test:kept', 'yes');
      });
    } finally {
      await first.stop();
    }
    expect(isProcessAlive(pid)).toBe(false);
    expect(await pingRedis(port)).toBe('no-answer');

    const second = await ensureLocalRedis({ dataDir, log: quietLog, probePort });
    try {
      expect(await withClient(second.url, (redis) => redis.get('wc:test:kept'))).toBe('yes');
    } finally {
      await second.stop();
    }
  });

  it('uses, and leaves running, a child a killed earlier run left on the same folder', async () => {
    const probePort = await freePort();
    const dataDir = path.join(root, 'left-running');
    const running = await ensureLocalRedis({ dataDir, log: quietLog, probePort });
    try {
      const warnings: string[] = [];
      const log = { info: () => undefined, warn: (m: string) => warnings.push(m) };
      const again = await ensureLocalRedis({ dataDir, log, probePort });
      expect(again.url).toBe(running.url);
      expect(warnings[0]).toContain('already running');
      await again.stop();
      expect(await pingRedis(Number(new URL(running.url).port))).toBe('pong');
    } finally {
      await running.stop();
    }
  });

  it('says how to get a Redis when none answers and redis-server is not installed', async () => {
    const path0 = process.env.PATH;
    process.env.PATH = root; // No redis-server in there.
    try {
      const probePort = await freePort();
      const attempt = ensureLocalRedis({
        dataDir: path.join(root, 'none'),
        log: quietLog,
        probePort,
      });
      await expect(attempt).rejects.toThrow(StartupError);
      await expect(attempt).rejects.toThrow(/apt-get install redis-server.*brew install redis/);
    } finally {
      process.env.PATH = path0;
    }
  });

  it('asks for REDIS_URL when the Redis on the probed port wants a password', async () => {
    const server = net.createServer((socket) => socket.end('-NOAUTH Authentication required.\r\n'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const probePort = (server.address() as net.AddressInfo).port;
      await expect(
        ensureLocalRedis({ dataDir: path.join(root, 'auth'), log: quietLog, probePort }),
      ).rejects.toThrow(/set REDIS_URL=redis:\/\/:<password>@127\.0\.0\.1/);
    } finally {
      server.close();
    }
  });
});
