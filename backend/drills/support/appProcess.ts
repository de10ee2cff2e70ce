/**
 * The real entry point (`src/index.ts`) as a child process, the way an operator or a pod runs
 * it: started with an environment, ready when /health/ready answers 200, stopped by a signal.
 * Its output is kept in memory only to explain a failed start or exit, unless `logFile` says
 * where its log goes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { setTimeout as sleep } from 'node:timers/promises';
import { createOutputTail, freePort } from '../../src/startup/localProcess.js';

const BACKEND_DIR = new URL('../..', import.meta.url).pathname;

export interface AppProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** The exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** The last lines the process wrote. */
  output(): string;
  /** Where the app's logged unexpected errors were thrown (`type@file:line`), to explain a 500. */
  unexpectedErrors(): string[];
  /** Sends the signal and waits for the exit; SIGKILL after `killAfterMs`. */
  stop(signal?: NodeJS.Signals, killAfterMs?: number): Promise<number | null>;
  /** Where its standard output (the JSON log) goes, when started with `logFile`. */
  logFile?: string;
}

export interface StartAppOptions {
  port?: number;
  readyTimeoutMs?: number;
  /**
   * Standard output is appended to this file by the child itself, never piped through this
   * process: a server under load logs every request, and a benchmark's load generator must
   * not pay for reading it. output() and unexpectedErrors() then read the file back.
   */
  logFile?: string;
}

export async function startApp(
  env: Record<string, string>,
  options: StartAppOptions = {},
): Promise<AppProcess> {
  // A port found free can be taken before the app listens on it (by another process, or as an
  // outgoing connection's ephemeral port): the app then exits with EADDRINUSE; try another.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startAppOnce(env, options);
    } catch (error) {
      if (options.port !== undefined || attempt >= 3 || !String(error).includes('EADDRINUSE')) throw error;
    }
  }
}

const UNEXPECTED = '"unexpected error"';
const CHUNK_BYTES = 1 << 20;

/** Reads a file in chunks, handing over whole lines (a loaded server's log runs to many MB). */
function forEachLine(file: string, visit: (line: string) => void, fromByte = 0): void {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(CHUNK_BYTES);
    const decoder = new StringDecoder('utf8');
    let position = fromByte;
    let partial = '';
    let read: number;
    while ((read = readSync(fd, buffer, 0, CHUNK_BYTES, position)) > 0) {
      position += read;
      const lines = (partial + decoder.write(buffer.subarray(0, read))).split('\n');
      partial = lines.pop()!;
      for (const line of lines) visit(line);
    }
    if (partial) visit(partial);
  } finally {
    closeSync(fd);
  }
}

function linesContaining(file: string, needle: string): string[] {
  const found: string[] = [];
  forEachLine(file, (line) => {
    if (line.includes(needle)) found.push(line);
  });
  return found;
}

/** The last `maxLines` lines, looked for in the file's last 64 KiB. */
function fileTail(file: string, maxLines: number): string {
  const tail = createOutputTail(maxLines);
  forEachLine(file, tail.push, Math.max(0, statSync(file).size - 65_536));
  return tail.text();
}

function thrownAt(line: string): string {
  try {
    const err = (JSON.parse(line) as { err?: { type?: string; thrownAt?: string } }).err;
    return `${err?.type}@${err?.thrownAt}`;
  } catch {
    return line.slice(0, 200);
  }
}

async function startAppOnce(env: Record<string, string>, options: StartAppOptions): Promise<AppProcess> {
  const port = options.port ?? (await freePort());
  const { logFile } = options;
  const logFd = logFile ? openSync(logFile, 'a') : undefined;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: BACKEND_DIR,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', logFd ?? 'pipe', 'pipe'],
  });
  // The child has its own copy of the descriptor.
  if (logFd !== undefined) closeSync(logFd);
  const tail = createOutputTail(60);
  const unexpected: string[] = [];
  const watch = (d: Buffer) => {
    tail.push(d);
    for (const line of d.toString().split('\n')) {
      if (line.includes(UNEXPECTED)) unexpected.push(thrownAt(line));
    }
  };
  child.stdout?.on('data', watch);
  child.stderr!.on('data', watch);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const app: AppProcess = {
    url,
    port,
    child,
    exited,
    logFile,
    output: () => (logFile ? `${fileTail(logFile, 60)}\n${tail.text()}`.trim() : tail.text()),
    unexpectedErrors: () => [
      ...(logFile ? linesContaining(logFile, UNEXPECTED).map(thrownAt) : []),
      ...unexpected,
    ],
    async stop(signal = 'SIGTERM', killAfterMs = 60_000) {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
  const deadline = Date.now() + (options.readyTimeoutMs ?? 90_000);
  while (Date.now() < deadline) {
    if (await isReady(url)) return app;
    if (child.exitCode !== null) break;
    await sleep(150);
  }
  await app.stop('SIGKILL');
  throw new Error(`the app did not become ready on ${url}:\n${app.output()}`);
}

export async function isReady(url: string): Promise<boolean> {
  return fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(2_000) }).then(
    (r) => r.status === 200,
    () => false,
  );
}
