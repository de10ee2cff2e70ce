/**
 * The real entry point as an operator runs it: no DATABASE_URL, so it starts an embedded
 * PostgreSQL; the first start migrates, seeds and prints the demo logins; SIGTERM stops the
 * server and the embedded PostgreSQL; a second start reuses the data and prints nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isProcessAlive, freePort } from '../src/startup/localProcess.js';
import { TEST_REDIS_URL, uniqueName } from './helpers/services.js';
import { removeRedisPrefix } from './helpers/testServer.js';

const root = mkdtempSync(path.join(tmpdir(), 'wc-lifecycle-'));
chmodSync(root, 0o755); // the embedded PostgreSQL runs as the postgres user when we are root
const dataDir = path.join(root, 'pg');
const keyPrefix = `${uniqueName('wc:life')}:`;
const password = 'lifecycle-demo-password';

afterAll(async () => {
  await removeRedisPrefix(keyPrefix);
  rmSync(root, { recursive: true, force: true });
});

interface Run {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}

/**
 * A free port can be taken between freePort() and the app's listen (another file's process, or
 * an outgoing connection's ephemeral port): then the app exits with EADDRINUSE and we try another.
 */
async function startApp(): Promise<Run> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startAppOnce();
    } catch (error) {
      if (attempt >= 3 || !String(error).includes('EADDRINUSE')) throw error;
    }
  }
}

async function startAppOnce(): Promise<Run> {
  const port = await freePort();
  const child = spawn('node', ['--import', 'tsx', 'src/index.ts'], {
    cwd: new URL('..', import.meta.url).pathname,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: '',
      EMBEDDED_PG_DIR: dataDir,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: keyPrefix,
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO_PASSWORD: password,
      LOG_LEVEL: 'warn',
      SPA_DIST_DIR: path.join(root, 'no-spa'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // Generous: under a loaded CI machine, embedded PostgreSQL, migrations and the seed take a while.
  for (let i = 0; i < 360; i += 1) {
    const ready = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) return { child, port, output: () => output, exited };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`the app did not become ready:\n${output}`);
}

function postmasterPid(): number {
  return Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
}

async function loginAndCount(port: number): Promise<number> {
  const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'nurse.garcia@lincoln-usd.example', password }),
  });
  expect(login.status).toBe(200);
  const { token } = (await login.json()) as { token: string };
  const list = await fetch(`http://127.0.0.1:${port}/api/v1/students?pageSize=1`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return ((await list.json()) as { total: number }).total;
}

describe('npm start without DATABASE_URL', () => {
  it('runs on embedded PostgreSQL, seeds once, stops it on SIGTERM, and reuses the data', async () => {
    const first = await startApp();
    expect(first.output()).toContain('nurse.garcia@lincoln-usd.example');
    expect(first.output()).toContain(password);
    expect(await loginAndCount(first.port)).toBe(60);
    const pgPid = postmasterPid();
    expect(isProcessAlive(pgPid)).toBe(true);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(isProcessAlive(pgPid)).toBe(false);
    expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);

    const second = await startApp();
    expect(second.output()).not.toContain('lincoln-usd.example');
    expect(await loginAndCount(second.port)).toBe(60);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  }, 120_000);
});
