/**
 * A raw baseline (bench/baselines/*.ts) as a child process of its own, so it competes for the
 * CPU with the load generator exactly as the real server does. Each prints `{"port":N}` once
 * it listens and stops on SIGTERM.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { stopChild } from '../../src/startup/localProcess.js';

const BACKEND_DIR = new URL('../..', import.meta.url).pathname;

export interface BaselineServer {
  url: string;
  stop(): Promise<void>;
}

/** `script` relative to backend/, e.g. 'bench/baselines/bareHapi.ts'. */
export async function startBaseline(script: string, args: string[] = []): Promise<BaselineServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: BACKEND_DIR,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const port = await new Promise<number>((resolve, reject) => {
    lines.once('line', (line) => resolve((JSON.parse(line) as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before listening`)));
  });
  lines.close();
  return { url: `http://127.0.0.1:${port}`, stop: () => stopChild(child, 'SIGTERM') };
}

/** Bare hapi; its `/redis/{key}` route reads Redis under `keyPrefix`. */
export const startBareHapi = (redisUrl: string, keyPrefix: string) =>
  startBaseline('bench/baselines/bareHapi.ts', ['--redis-url', redisUrl, '--key-prefix', keyPrefix]);
