/**
 * `npm start`: rebuild the SPA when its sources are newer than frontend/dist, then run the
 * backend in the foreground and pass signals on, so that it shuts down the graceful way.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const frontend = path.join(root, 'frontend');
const backend = path.join(root, 'backend');
const SPA_SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'];

const say = (line) => process.stdout.write(`${line}\n`);
const complain = (line) => process.stderr.write(`${line}\n`);

/** Directory mtimes count too: deleting a source file must also trigger a rebuild. */
function newestMtime(file) {
  let stat;
  try {
    stat = statSync(file);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(file)) {
    newest = Math.max(newest, newestMtime(path.join(file, entry)));
  }
  return newest;
}

function viteBin() {
  try {
    const pkg = createRequire(path.join(frontend, 'package.json')).resolve('vite/package.json');
    return path.join(path.dirname(pkg), 'bin', 'vite.js');
  } catch {
    return undefined;
  }
}

function buildSpaIfStale() {
  const built = newestMtime(path.join(frontend, 'dist', 'index.html'));
  const sources = Math.max(...SPA_SOURCES.map((s) => newestMtime(path.join(frontend, s))));
  if (built > 0 && built >= sources) return;
  const vite = viteBin();
  if (!vite) {
    complain('frontend/dist is out of date and vite is not installed (run npm ci); skipping.');
    return;
  }
  say(`Building the SPA: frontend/dist is ${built ? 'older than its sources' : 'missing'}.`);
  // vite build alone: the type check belongs to `npm test`, and start-up should be quick.
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: frontend,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    complain('The SPA build failed; see the errors above.');
    process.exit(result.status ?? 1);
  }
}

function runBackend() {
  const envFile = path.join(root, '.env');
  const nodeArgs = ['--import', 'tsx', 'src/index.ts'];
  if (existsSync(envFile)) {
    // Variables already set in the environment win over the file.
    say('Using settings from .env');
    nodeArgs.unshift(`--env-file=${envFile}`);
  }
  // Its own process group: a terminal Ctrl-C reaches only this script (and npm), which pass
  // it on once, so the backend gets one signal and stops PostgreSQL and Redis last.
  const child = spawn(process.execPath, nodeArgs, {
    cwd: backend,
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  const lastSent = new Map();
  const forward = (signal) => {
    // npm forwards the terminal's SIGINT too: a copy arriving within a second is the same one.
    const now = Date.now();
    if (now - (lastSent.get(signal) ?? 0) < 1_000) return;
    lastSent.set(signal, now);
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  process.on('SIGINT', () => forward('SIGINT'));
  process.on('SIGTERM', () => forward('SIGTERM'));
  // The terminal closing: stop the backend as gracefully as for SIGTERM.
  process.on('SIGHUP', () => forward('SIGTERM'));
  child.on('error', (error) => {
    complain(`Could not start the backend: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    process.exit(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 1));
  });
}

buildSpaIfStale();
runBackend();
