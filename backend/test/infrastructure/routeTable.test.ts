/** Every /api/v1 route except login needs a session and names the permission it requires. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PERMISSIONS } from '../../src/infrastructure/http/authorization.js';
import { startTestServer, type TestServer } from '../helpers/testServer.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.stop());

const PUBLIC = new Set(['post /api/v1/auth/login']);

it('declares a permission on every API route', () => {
  const routes = t.server.table().filter((r) => r.path.startsWith('/api/'));
  expect(routes.length).toBeGreaterThan(0);
  for (const route of routes) {
    const key = `${route.method} ${route.path}`;
    const auth = route.settings.auth as
      { strategies?: string[]; access?: Array<{ scope?: { selection?: string[] } }> } | false;
    if (PUBLIC.has(key)) {
      expect(auth, key).toBe(false);
      continue;
    }
    expect(auth, key).toBeTruthy();
    const scopes =
      (auth as Exclude<typeof auth, false>).access?.flatMap((a) => a.scope?.selection ?? []) ?? [];
    expect(scopes.length, `${key} declares no permission`).toBeGreaterThan(0);
    for (const scope of scopes) expect(Object.keys(PERMISSIONS), key).toContain(scope);
  }
});
