/**
 * The real entry point (`src/index.ts`) as a child process, the way an operator or a pod runs
 * it: started with an environment, ready when /health/ready answers 200, stopped by a signal.
 * Its output is kept in memory only to explain a failed start or exit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
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
}

export async function startApp(
  env: Record<string, string>,
  options: { port?: number; readyTimeoutMs?: number } = {},
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

async function startAppOnce(
  env: Record<string, string>,
  options: { port?: number; readyTimeoutMs?: number },
): Promise<AppProcess> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: BACKEND_DIR,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail = createOutputTail(60);
  const unexpected: string[] = [];
  const watch = (d: Buffer) => {
    tail.push(d);
    for (const line of d.toString().split('\n')) {
      if (!line.includes('"unexpected error"')) continue;
      const err = (JSON.parse(line) as { err?: { type?: string; thrownAt?: string } }).err;
      unexpected.push(`${err?.type}@${err?.thrownAt}`);
    }
  };
  child.stdout!.on('data', watch);
  child.stderr!.on('data', watch);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const app: AppProcess = {
    url,
    port,
    child,
    exited,
    output: tail.text,
    unexpectedErrors: () => [...unexpected],
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
  throw new Error(`the app did not become ready on ${url}:\n${tail.text()}`);
}

export async function isReady(url: string): Promise<boolean> {
  return fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(2_000) }).then(
    (r) => r.status === 200,
    () => false,
  );
}
