import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createOrganization,
  createUser,
  login,
  TEST_PASSWORD,
  type TestOrganization,
} from '../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../helpers/testServer.js';

let t: TestServer;
let org: TestOrganization;

beforeAll(async () => {
  t = await startTestServer({ LOGIN_MAX_FAILURES_PER_IP: '8' });
  org = await createOrganization(t.server);
});
afterAll(() => t?.stop());

async function auditActions(userId: string): Promise<string[]> {
  const rows = await t.server.app.sequelize.query<{ action: string }>(
    'SELECT action FROM audit_log WHERE user_id = :userId ORDER BY id',
    { replacements: { userId }, type: 'SELECT' as never },
  );
  return rows.map((r) => r.action);
}

describe('login', () => {
  it('answers a token, its expiry, the idle timeout and the user', async () => {
    const res = await login(t.server, org.nurse.email, TEST_PASSWORD, '10.9.0.1');
    expect(res.statusCode).toBe(200);
    const body = res.result as Record<string, unknown>;
    expect(body).toMatchObject({
      idleLogoutMinutes: 15,
      user: { id: org.nurse.id, email: org.nurse.email, role: 'NURSE', organizationId: org.id },
    });
    expect(typeof body.token).toBe('string');
    expect(Date.parse(body.expiresAt as string)).toBeGreaterThan(Date.now());
    expect(JSON.stringify(body)).not.toContain('passwordHash');
  });

  it('accepts the email in any case', async () => {
    const res = await login(t.server, org.viewer.email.toUpperCase(), TEST_PASSWORD, '10.9.0.2');
    expect(res.statusCode).toBe(200);
  });

  it('answers 401 with one message for a wrong password and an unknown email', async () => {
    const wrong = await login(t.server, org.admin.email, 'not the password', '10.9.0.3');
    const unknown = await login(t.server, 'nobody@test.example', 'whatever', '10.9.0.3');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect((wrong.result as { message: string }).message).toBe('Invalid email or password');
    expect((unknown.result as { message: string }).message).toBe('Invalid email or password');
  });

  it('answers 429 to the sixth failure within the window, even with the right password, and audits each attempt', async () => {
    const user = await createUser(t.server, org.id, 'NURSE');
    for (let i = 1; i <= 5; i += 1) {
      const res = await login(t.server, user.email, `wrong-${i}`, `10.9.1.${i}`);
      expect(res.statusCode).toBe(401);
    }
    const sixth = await login(t.server, user.email, 'wrong-6', '10.9.1.6');
    expect(sixth.statusCode).toBe(429);
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
    const right = await login(t.server, user.email, TEST_PASSWORD, '10.9.1.7');
    expect(right.statusCode).toBe(429);

    const actions = await auditActions(user.id);
    expect(actions.filter((a) => a === 'login.failure')).toHaveLength(5);
    const throttled = await t.server.app.sequelize.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'login.throttled' AND ip_address IN ('10.9.1.6', '10.9.1.7')`,
      { plain: true },
    );
    expect(throttled).toEqual({ n: 2 });
  });

  it('limits failures per address across accounts, at its own (higher) limit', async () => {
    const ip = '10.9.2.1';
    for (let i = 0; i < 8; i += 1) {
      const res = await login(t.server, `stranger${i}@test.example`, 'guess', ip);
      expect(res.statusCode).toBe(401);
    }
    const blocked = await login(t.server, org.admin.email, TEST_PASSWORD, ip);
    expect(blocked.statusCode).toBe(429);
    const elsewhere = await login(t.server, org.admin.email, TEST_PASSWORD, '10.9.2.2');
    expect(elsewhere.statusCode).toBe(200);
  });

  it('refuses a deactivated account with the same 401', async () => {
    const user = await createUser(t.server, org.id, 'NURSE');
    await t.server.plugins.users.service.update(org.id, user.id, { isActive: false });
    const res = await login(t.server, user.email, TEST_PASSWORD, '10.9.3.1');
    expect(res.statusCode).toBe(401);
  });
});

describe('sessions', () => {
  it('GET /auth/me answers the user behind the token', async () => {
    const res = await t.server.inject({ url: '/api/v1/auth/me', headers: bearer(org.admin) });
    expect(res.statusCode).toBe(200);
    expect(res.result).toMatchObject({ id: org.admin.id, role: 'ADMIN' });
  });

  it('logout revokes the token at once, in Postgres and Redis', async () => {
    const user = await createUser(t.server, org.id, 'NURSE');
    expect((await t.server.inject({ url: '/api/v1/auth/me', headers: bearer(user) })).statusCode).toBe(200);
    const out = await t.server.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: bearer(user) });
    expect(out.statusCode).toBe(204);
    const after = await t.server.inject({ url: '/api/v1/students', headers: bearer(user) });
    expect(after.statusCode).toBe(401);
    const sessions = await t.server.app.sequelize.query(
      'SELECT count(*)::int AS n FROM sessions WHERE user_id = :id',
      { replacements: { id: user.id }, plain: true },
    );
    expect(sessions).toEqual({ n: 0 });
    expect(await auditActions(user.id)).toContain('logout');
  });

  it('keeps a session alive from Postgres when its Redis copy is gone', async () => {
    const user = await createUser(t.server, org.id, 'VIEWER');
    const keys = await t.server.app.redis.keys(`${t.config.redis.keyPrefix}session:*`);
    await t.server.app.redis.del(...keys.map((k) => k.slice(t.config.redis.keyPrefix.length)));
    const res = await t.server.inject({ url: '/api/v1/auth/me', headers: bearer(user) });
    expect(res.statusCode).toBe(200);
  });

  it("ends a user's sessions when an admin changes the role", async () => {
    const user = await createUser(t.server, org.id, 'NURSE');
    const patch = await t.server.inject({
      method: 'PATCH',
      url: `/api/v1/admin/users/${user.id}`,
      headers: bearer(org.admin),
      payload: { role: 'VIEWER' },
    });
    expect(patch.statusCode).toBe(200);
    expect((await t.server.inject({ url: '/api/v1/auth/me', headers: bearer(user) })).statusCode).toBe(401);
  });

  it('refuses a token signed with another secret', async () => {
    const { default: jwt } = await import('jsonwebtoken');
    const forged = jwt.sign({}, 'x'.repeat(40), {
      issuer: t.config.auth.jwtIssuer,
      audience: t.config.auth.jwtAudience,
      subject: org.admin.id,
      jwtid: crypto.randomUUID(),
    });
    const res = await t.server.inject({
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${forged}` },
    });
    expect(res.statusCode).toBe(401);
  });
});
