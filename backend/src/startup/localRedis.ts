/**
 * Redis for `npm start` without REDIS_URL: the machine's on 127.0.0.1:6379 when it answers,
 * otherwise a redis-server child of our own on a free loopback port with its own data folder.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdir, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  commandLineOf,
  createOutputTail,
  freePort,
  isProcessAlive,
  signalOnExit,
  waitForChildExit,
} from './localProcess.js';
import { StartupError } from './StartupError.js';
import type { RunningService, StartupLog } from './types.js';

export { StartupError } from './StartupError.js';

const PID_FILE = 'redis-server.pid';
const START_ATTEMPTS = 3;
const READY_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 10_000;

export type RedisProbe = 'pong' | 'needs-auth' | 'no-answer';

/** One RESP PING over raw TCP: quicker and quieter than a client that retries and logs. */
export function pingRedis(port: number, host = '127.0.0.1', timeoutMs = 500): Promise<RedisProbe> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let reply = '';
    const done = (result: RedisProbe): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => done('no-answer'), timeoutMs);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString('latin1');
      if (!reply.includes('\r\n')) return;
      if (reply.startsWith('+PONG')) done('pong');
      else done(/^-(NOAUTH|WRONGPASS)/.test(reply) ? 'needs-auth' : 'no-answer');
    });
    socket.once('error', () => done('no-answer'));
    socket.once('close', () => done('no-answer'));
  });
}

function notInstalled(port: number): StartupError {
  return new StartupError(
    `Redis is not running on 127.0.0.1:${port} and redis-server is not installed. Install it ` +
      '(Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis), or run ' +
      '`docker compose up -d redis` (after `cp .env.example .env`), or set REDIS_URL.',
  );
}

/**
 * A redis-server left running on this folder by a killed earlier run: two servers appending to
 * one AOF would corrupt it, so it is used (and left running) rather than started twice.
 */
async function leftRunning(dataDir: string, log: StartupLog): Promise<RunningService | undefined> {
  const pidFile = path.join(dataDir, PID_FILE);
  const pid = Number((await readFile(pidFile, 'utf8').catch(() => '')).trim());
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  // redis-server retitles itself "redis-server 127.0.0.1:<port>".
  const title = isProcessAlive(pid) ? (await commandLineOf(pid))?.join(' ') : undefined;
  const port = Number(/^redis-server 127\.0\.0\.1:(\d+)/.exec(title ?? '')?.[1]);
  if (!title?.startsWith('redis-server')) {
    await rm(pidFile, { force: true });
    return undefined;
  }
  if (!port || (await pingRedis(port)) !== 'pong') {
    throw new StartupError(
      `redis-server (PID ${pid}) already uses ${dataDir} but does not answer. ` +
        `Stop it (kill ${pid}) and start again.`,
    );
  }
  log.warn(`redis-server already running (PID ${pid}) on 127.0.0.1:${port}: using it`);
  return { url: `redis://127.0.0.1:${port}`, stop: () => Promise.resolve() };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM'); // Redis flushes the AOF and exits.
  if (await waitForChildExit(child, STOP_TIMEOUT_MS)) return;
  child.kill('SIGKILL');
  await waitForChildExit(child, 2_000);
}

async function spawnRedis(dataDir: string, port: number, probePort: number) {
  const tail = createOutputTail();
  const child = spawn(
    'redis-server',
    // Own config on the command line: the system's redis.conf (and its port) never applies.
    ['--port', String(port), '--bind', '127.0.0.1', '--protected-mode', 'yes']
      .concat(['--dir', dataDir, '--appendonly', 'yes', '--save', ''])
      .concat(['--maxmemory-policy', 'noeviction', '--daemonize', 'no', '--logfile', ''])
      .concat(['--pidfile', path.join(dataDir, PID_FILE)]),
    // Own process group: a terminal Ctrl-C reaches only us, and we stop Redis last.
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let capturing = true;
  // Always drained, or Redis would block once the pipe buffer fills.
  const onOutput = (chunk: Buffer) => capturing && tail.push(chunk.toString('utf8'));
  child.stdout?.on('data', onOutput);
  child.stderr?.on('data', onOutput);
  const spawnError = await new Promise<Error | undefined>((resolve) => {
    child.once('spawn', () => resolve(undefined));
    child.once('error', resolve);
  });
  if (spawnError) {
    if ((spawnError as NodeJS.ErrnoException).code === 'ENOENT') throw notInstalled(probePort);
    throw spawnError;
  }
  child.on('error', () => {}); // A failed kill later must not crash the process.

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (child.exitCode === null && child.signalCode === null && Date.now() < deadline) {
    if ((await pingRedis(port, '127.0.0.1', 200)) === 'pong') {
      capturing = false;
      return { child, output: '' };
    }
    await sleep(50);
  }
  await stopChild(child);
  return { child: undefined, output: tail.text() };
}

export async function ensureLocalRedis(opts: {
  dataDir: string;
  log: StartupLog;
  /** Where to look for an already running Redis; tests point it at a free port. */
  probePort?: number;
}): Promise<RunningService> {
  const probePort = opts.probePort ?? 6379;
  const probe = await pingRedis(probePort);
  if (probe === 'pong') {
    opts.log.info(`Using the Redis already running on 127.0.0.1:${probePort}`);
    return { url: `redis://127.0.0.1:${probePort}`, stop: () => Promise.resolve() };
  }
  if (probe === 'needs-auth') {
    throw new StartupError(
      `Redis on 127.0.0.1:${probePort} requires a password: ` +
        `set REDIS_URL=redis://:<password>@127.0.0.1:${probePort}`,
    );
  }

  const dataDir = path.resolve(opts.dataDir);
  // Parents with the usual mode (the embedded PostgreSQL's user must pass through <repo>/.data);
  // the folder itself holds sessions and cached health data, so it is ours alone.
  await mkdir(path.dirname(dataDir), { recursive: true });
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const running = await leftRunning(dataDir, opts.log);
  if (running) return running;

  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    const { child, output } = await spawnRedis(dataDir, port, probePort);
    if (child?.pid) {
      const disarm = signalOnExit(child.pid, 'SIGTERM');
      opts.log.info(`redis-server on 127.0.0.1:${port} (PID ${child.pid}), data in ${dataDir}`);
      let stopping: Promise<void> | undefined;
      return {
        url: `redis://127.0.0.1:${port}`,
        stop: () => {
          disarm();
          stopping ??= stopChild(child);
          return stopping;
        },
      };
    }
    // Another process may take the free port before Redis binds it.
    if (attempt < START_ATTEMPTS && /address already in use/i.test(output)) continue;
    throw new StartupError(`redis-server did not start (data in ${dataDir}):\n${output}`);
  }
}
