import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { childEnv, OutputTail } from './processEnv';

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce(
    (newest, name) => Math.max(newest, newestMtime(path.join(entry, name))),
    stat.mtimeMs,
  );
}

function needsBuild(frontendDir: string): boolean {
  const builtAt = newestMtime(path.join(frontendDir, 'dist', 'index.html'));
  if (builtAt === 0) return true;
  const inputs = ['src', 'public', 'index.html', 'vite.config.ts'];
  return inputs.some((input) => newestMtime(path.join(frontendDir, input)) > builtAt);
}

/** Runs `vite build` when dist/ is missing or older than its sources; the server serves dist/. */
export async function ensureSpaBuilt(frontendDir: string): Promise<void> {
  if (!needsBuild(frontendDir)) return;
  // node_modules may be hoisted to the workspace root, so ask Node where vite lives.
  const viteDir = path.dirname(createRequire(import.meta.url).resolve('vite/package.json'));
  const output = new OutputTail();
  const child = spawn(process.execPath, [path.join(viteDir, 'bin', 'vite.js'), 'build'], {
    cwd: frontendDir,
    // A production bundle, whatever NODE_ENV the test runner set.
    env: childEnv({ NODE_ENV: 'production' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => output.append(chunk));
  child.stderr.on('data', (chunk: Buffer) => output.append(chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`vite build failed (exit ${code}):\n${output.toString()}`);
}
