/** Small process and port helpers shared by the local PostgreSQL and Redis starters. */
import type { ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** A port nothing listens on right now; another process may still take it before we do. */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** EPERM still means alive: the process exists but belongs to another user. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The process's arguments on Linux; undefined where /proc cannot tell (macOS, hidepid, gone). */
export async function commandLineOf(pid: number): Promise<string[] | undefined> {
  try {
    const raw = await readFile(`/proc/${pid}/cmdline`, 'utf8');
    return raw.split('\0').filter(Boolean);
  } catch {
    return undefined;
  }
}

/** Resolves true when the child has exited within `ms`, false otherwise. */
export function waitForChildExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onExit = (): void => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      resolve(false);
    }, ms);
    child.once('exit', onExit);
  });
}

/** Sends the signal unless the child has exited already, and resolves once it has. */
export async function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

/** For processes we did not spawn ourselves (the postmaster is the library's child). */
export async function waitForPidExit(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (isProcessAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await sleep(50);
  }
  return true;
}

export async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Last-resort cleanup when the process exits without calling stop() (process.exit after a
 * failed start, an uncaught error): otherwise the child outlives us and holds its data folder.
 * Returns the function that disarms it once stop() has run.
 */
export function signalOnExit(pid: number, signal: NodeJS.Signals): () => void {
  const onExit = (): void => {
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone.
    }
  };
  process.once('exit', onExit);
  return () => {
    process.off('exit', onExit);
  };
}

/** The last lines a child wrote, kept only to explain a failed start (never logged otherwise). */
export function createOutputTail(maxLines = 30): { push(chunk: unknown): void; text(): string } {
  const lines: string[] = [];
  return {
    push(chunk) {
      for (const line of String(chunk).split('\n')) {
        if (!line.trim()) continue;
        lines.push(line.trimEnd());
        if (lines.length > maxLines) lines.shift();
      }
    },
    text: () => lines.join('\n'),
  };
}
