/**
 * A second organization with an admin of its own, made the way an operator makes one (the
 * CLI, in the drill's environment), and that admin signed in: the outsider whose valid token
 * must not reach the demo district's records. The CLI needs only the database, so the drill
 * starts it alongside the app (it takes seconds); the sign-in waits for the app's URL.
 */
import { randomBytes } from 'node:crypto';
import { runCli } from './cli.js';
import { login } from './session.js';

export interface Outsider {
  organizationId: string;
  token: string;
}

export async function otherOrganization(
  env: Record<string, string>,
  appUrl: Promise<string>,
): Promise<Outsider> {
  const organizationId = (await runCli(env, ['create-org', '--name', 'Other District'])).trim();
  const email = `admin-${randomBytes(4).toString('hex')}@other-district.example`;
  const password = randomBytes(18).toString('base64url');
  await runCli(env, [
    'create-user',
    '--org',
    organizationId,
    '--email',
    email,
    '--role',
    'ADMIN',
    '--password',
    password,
  ]);
  return { organizationId, token: await login(await appUrl, email, password) };
}
