/** The operator CLI (`npm run cli -- ...`) as a child process in a drill's environment. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const BACKEND_DIR = new URL('../..', import.meta.url).pathname;
const run = promisify(execFile);

/** The command's standard output; throws with its error output when it exits non-zero. */
export async function runCli(env: Record<string, string>, args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
    cwd: BACKEND_DIR,
    env: { ...process.env, ...env, LOG_LEVEL: 'error' },
    timeout: 60_000,
  });
  return stdout;
}
