/**
 * A redis-server of a drill's (or an outage test's) own on a spare port, never the shared one:
 * it is stopped and restarted. Persistent by default, as production runs it (AOF, fsync on every write), so what Redis
 * acknowledged before a stop is there after the restart on the same port and data folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { freePort, signalOnExit, stopChild } from '../../src/startup/localProcess.js';

export interface OwnRedis {
  url: string;
  port: number;
  start(): Promise<void>;
  /** SIGTERM: Redis fsyncs its AOF and exits; resolves once the port refuses. */
  stop(): Promise<void>;
  /** Stops it and removes its data folder. */
  destroy(): Promise<void>;
}

async function answers(port: number): Promise<boolean> {
  const client = new Redis({
    port,
    host: '127.0.0.1',
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined); // refusals are the expected answer while it is down
  const answered = await client
    .connect()
    .then(() => client.ping())
    .then(
      () => true,
      () => false,
    );
  client.disconnect();
  return answered;
}

async function waitUntilAnswering(port: number, up: boolean): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if ((await answers(port)) === up) return;
    await sleep(50);
  }
  throw new Error(`redis on ${port} did not come ${up ? 'up' : 'down'}`);
}

export interface OwnRedisOptions {
  /** Keep every acknowledged write across a stop/start (AOF, fsync on every write); default true. */
  persistent?: boolean;
}

export async function startOwnRedis({ persistent = true }: OwnRedisOptions = {}): Promise<OwnRedis> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'wc-drill-redis-'));
  let child: ChildProcess | undefined;
  let disarm = () => undefined as void;
  const handle: OwnRedis = {
    url: `redis://127.0.0.1:${port}`,
    port,
    async start() {
      child = spawn(
        'redis-server',
        [
          ...['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', ''],
          ...(persistent ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no']),
          ...['--maxmemory-policy', 'noeviction'],
        ],
        { stdio: 'ignore' },
      );
      disarm = signalOnExit(child.pid!, 'SIGKILL');
      await waitUntilAnswering(port, true);
    },
    async stop() {
      const running = child;
      if (!running) return;
      child = undefined;
      await stopChild(running, 'SIGTERM');
      disarm();
      await waitUntilAnswering(port, false);
    },
    async destroy() {
      await handle.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await handle.start();
  return handle;
}
