/**
 * The bare hapi baseline (bench/baselines/bareHapi.ts) as a child process of its own, so it
 * competes for the CPU with the load generator exactly as the real server does.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { stopChild } from '../../src/startup/localProcess.js';

const BACKEND_DIR = new URL('../..', import.meta.url).pathname;
const SCRIPT = 'bench/baselines/bareHapi.ts';

export interface BareHapiServer {
  url: string;
  stop(): Promise<void>;
}

/** Reads Redis under `keyPrefix` (its `/redis/{key}` route). */
export async function startBareHapi(redisUrl: string, keyPrefix: string): Promise<BareHapiServer> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', SCRIPT, '--redis-url', redisUrl, '--key-prefix', keyPrefix],
    { cwd: BACKEND_DIR, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout! });
  const port = await new Promise<number>((resolve, reject) => {
    lines.once('line', (line) => resolve((JSON.parse(line) as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`${SCRIPT} exited with ${code} before listening`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => stopChild(child, 'SIGTERM') };
}
