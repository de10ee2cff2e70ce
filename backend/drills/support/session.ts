/** Signing in as the demo district's users, the way the SPA does. */
import { DEMO_USERS } from '../../src/seed/demoDistrict.js';
import { DRILL_PASSWORD } from './drillEnvironment.js';

export type DemoRole = 'ADMIN' | 'NURSE' | 'VIEWER';

export function demoEmail(role: DemoRole, index = 0): string {
  return DEMO_USERS.filter((u) => u.role === role)[index]!.email;
}

export async function login(url: string, email: string, password = DRILL_PASSWORD): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`login as ${email} answered ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

export function authorized(token: string, extra: Record<string, string> = {}): Record<string, string> {
  return { authorization: `Bearer ${token}`, ...extra };
}
