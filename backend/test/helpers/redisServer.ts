/** A redis-server of a test's own on a spare port, for outage tests: never the shared one. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from '../../src/startup/localProcess.js';

export interface OwnRedis {
  url: string;
  port: number;
  start(): Promise<void>;
  stop(): Promise<void>;
}

async function waitForPing(port: number, up: boolean): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    const client = new Redis({
      port,
      host: '127.0.0.1',
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    client.on('error', () => undefined); // refusals are the expected answer while down
    const answered = await client
      .connect()
      .then(() => client.ping())
      .then(
        () => true,
        () => false,
      );
    client.disconnect();
    if (answered === up) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`redis on ${port} did not come ${up ? 'up' : 'down'}`);
}

export interface OwnRedisOptions {
  /** Keep every write across a stop/start (AOF, fsync on every write), as production should. */
  persistent?: boolean;
}

export async function ownRedis({ persistent = false }: OwnRedisOptions = {}): Promise<OwnRedis> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'wc-redis-'));
  let child: ChildProcess | undefined;
  const handle: OwnRedis = {
    url: `redis://127.0.0.1:${port}`,
    port,
    async start() {
      child = spawn(
        'redis-server',
        [
          ...['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', ''],
          ...(persistent ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no']),
        ],
        {
          stdio: 'ignore',
        },
      );
      await waitForPing(port, true);
    },
    async stop() {
      if (!child) return;
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      child = undefined;
      await waitForPing(port, false);
    },
  };
  await handle.start();
  return handle;
}
