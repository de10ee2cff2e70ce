import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, seedIfFresh } from '../../src/seed/demoDistrict.js';
import { login } from '../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../helpers/testServer.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.stop());

describe('demo district', () => {
  it('seeds a fresh database once, with working logins and searchable students', async () => {
    const seeded = await seedIfFresh(t.server, 'demo-password-123');
    expect(seeded).toMatchObject({ studentCount: 60 });
    expect(await seedIfFresh(t.server, 'demo-password-123')).toBeNull();

    const nurse = DEMO_USERS.find((u) => u.role === 'NURSE')!;
    const res = await login(t.server, nurse.email, 'demo-password-123', '10.60.0.1');
    expect(res.statusCode).toBe(200);
    const token = (res.result as { token: string }).token;
    const search = await t.server.inject({
      url: '/api/v1/students?search=Ava%20Martinez',
      headers: { authorization: `Bearer ${token}` },
    });
    expect((search.result as { total: number }).total).toBe(1);

    const names = await t.server.app.sequelize.query<{ n: number; distinct_names: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT first_name || ' ' || last_name)::int AS distinct_names FROM students`,
      { plain: true } as never,
    );
    expect(names).toEqual({ n: 60, distinct_names: 60 });
  });
});
