import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../helpers/fixtures.js';
import { databaseUrl } from '../helpers/services.js';
import { startTestServer, type TestServer } from '../helpers/testServer.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.stop());

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return promisify(execFile)('node', ['--import', 'tsx', 'src/cli/index.ts', ...args], {
    cwd: new URL('../..', import.meta.url).pathname,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl(t.databaseName),
      REDIS_URL: t.config.redis.url,
      REDIS_KEY_PREFIX: t.config.redis.keyPrefix,
    },
    timeout: 30_000,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
}

describe('cli', { timeout: 90_000 }, () => {
  it('prints usage and exits 2 for a missing or unknown command or bad options', async () => {
    for (const args of [
      [],
      ['explode'],
      ['create-org'],
      ['create-org', '--nmae', 'X'],
      ['create-user', '--org', 'x', '--email', 'a@b.c', '--role', 'NURSE'],
    ]) {
      const result = await cli(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('Usage: npm run cli');
    }
  });

  it('migrates an up-to-date database without error', async () => {
    const result = await cli('migrate');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('up to date');
  });

  it('creates an organization and a user who can then sign in', async () => {
    const org = await cli('create-org', '--name', 'Springfield Public Schools');
    expect(org.code).toBe(0);
    const orgId = org.stdout.trim();
    const email = `cli-${Date.now()}@test.example`;
    const user = await cli('create-user', '--org', orgId, '--email', email, '--role', 'nurse');
    expect(user.code).toBe(0);
    const password = /Password: (\S+)/.exec(user.stdout)?.[1];
    expect(password).toBeTruthy();
    const res = await login(t.server, email, password!, '10.50.0.1');
    expect(res.statusCode).toBe(200);
    expect(res.result).toMatchObject({ user: { role: 'NURSE', organizationId: orgId } });
  });

  it('refuses a user for an organization that does not exist', async () => {
    const result = await cli(
      'create-user',
      '--org',
      crypto.randomUUID(),
      '--email',
      'x@test.example',
      '--role',
      'ADMIN',
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Organization not found');
  });
});
