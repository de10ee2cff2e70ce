import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { childEnv, OutputTail } from './processEnv';

const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 20_000;

export interface BackendServer {
  url: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Extra environment; PORT and HOST are chosen here. */
  env: Record<string, string>;
  /**
   * Output that must also have appeared. The server reports ready before it seeds a fresh
   * database, and the seed prints its logins when done, so this waits for the demo users.
   */
  readyOutput?: string;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('no TCP port was assigned');
  return address.port;
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (hasExited(child)) return;
  const exit = once(child, 'exit');
  child.kill('SIGTERM');
  // Unref'd, so a prompt exit does not leave this timer holding the test runner open.
  const timeout = sleep(STOP_TIMEOUT_MS, false, { ref: false });
  const stopped = await Promise.race([exit.then(() => true), timeout]);
  if (!stopped) {
    child.kill('SIGKILL');
    await exit;
  }
}

async function isReady(url: string): Promise<string | true> {
  try {
    const response = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(2_000) });
    return response.status === 200 ? true : `GET /health/ready answered ${response.status}`;
  } catch (error) {
    return `GET /health/ready failed: ${String(error)}`;
  }
}

/** Starts the real backend (`node --import tsx src/index.ts`) and waits until it can serve. */
export async function startBackend(
  backendDir: string,
  { env, readyOutput }: StartOptions,
): Promise<BackendServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const output = new OutputTail();
  let outputSeen = readyOutput === undefined;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: backendDir,
    env: childEnv({ ...env, PORT: String(port), HOST: '127.0.0.1' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const record = (chunk: Buffer) => {
    output.append(chunk);
    // The tail still holds the previous chunk, so a marker split across two is found.
    if (readyOutput && output.toString().includes(readyOutput)) outputSeen = true;
  };
  child.stdout?.on('data', record);
  child.stderr?.on('data', record);
  const server = { url, stop: () => stopChild(child) };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  let problem = 'no answer yet';
  while (Date.now() < deadline) {
    if (hasExited(child)) {
      throw new Error(
        `The backend exited (code ${child.exitCode}, signal ${child.signalCode}) before it was ready. Its output:\n${output}`,
      );
    }
    const ready = await isReady(url);
    if (ready === true && outputSeen) return server;
    problem = ready === true ? `ready, but "${readyOutput}" was not printed yet` : ready;
    await sleep(250);
  }
  await server.stop();
  throw new Error(
    `The backend was not ready within ${READY_TIMEOUT_MS / 1000} s (${problem}). Its output:\n${output}`,
  );
}
