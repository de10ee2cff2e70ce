import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createOrganization, studentPayload, type TestOrganization } from '../helpers/fixtures.js';
import { databaseUrl } from '../helpers/services.js';
import { startTestServer, type TestServer } from '../helpers/testServer.js';

let t: TestServer;
let org: TestOrganization;

beforeAll(async () => {
  t = await startTestServer();
  org = await createOrganization(t.server);
});
afterAll(() => t?.stop());

/** A plain connection as the database superuser, as an operator with psql would have. */
async function asSuperuser<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl(t.databaseName) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function newStudent(): Promise<string> {
  const res = await t.server.inject({
    method: 'POST',
    url: '/api/v1/students',
    headers: bearer(org.nurse),
    payload: studentPayload(),
  });
  return (res.result as { id: string }).id;
}

describe('audit log', () => {
  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    await newStudent();
    await asSuperuser(async (c) => {
      await expect(c.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
      await expect(c.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
      await expect(c.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    });
  });

  it('chains every organization in order under concurrent writers', async () => {
    await Promise.all(Array.from({ length: 30 }, () => newStudent()));
    const result = await t.server.plugins.audit.service.verifyChain(org.id);
    expect(result.valid).toBe(true);
    expect(result.rowsChecked).toBeGreaterThanOrEqual(30);
  });

  it('lists entries for admins with filters, and refuses nurses', async () => {
    const studentId = await newStudent();
    await t.server.inject({ url: `/api/v1/students/${studentId}`, headers: bearer(org.viewer) });
    const res = await t.server.inject({
      url: `/api/v1/admin/audit-log?studentId=${studentId}&userId=${org.viewer.id}`,
      headers: bearer(org.admin),
    });
    expect(res.statusCode).toBe(200);
    const body = res.result as {
      data: Array<{ action: string; entityId: string; userId: string }>;
      total: number;
    };
    expect(body.total).toBe(1);
    expect(body.data[0]).toMatchObject({
      action: 'student.read',
      entityId: studentId,
      userId: org.viewer.id,
    });

    const nurse = await t.server.inject({ url: '/api/v1/admin/audit-log', headers: bearer(org.nurse) });
    expect(nurse.statusCode).toBe(403);
  });

  it('lists newest first by number, not as text (15 before 9), and filters hyphenated actions', async () => {
    // A fresh chain, so the entries' numbers run from one digit into two.
    const other = await createOrganization(t.server);
    for (let i = 0; i < 12; i += 1) {
      await t.server.plugins.audit.service.record({
        organizationId: other.id,
        userId: other.admin.id,
        action: 'test.entry-made',
        entityType: 'test',
      });
    }
    const res = await t.server.inject({
      url: '/api/v1/admin/audit-log?action=test.entry-made&pageSize=200',
      headers: bearer(other.admin),
    });
    const seqs = (res.result as { data: Array<{ seq: string }> }).data.map((row) => Number(row.seq));
    expect(seqs.length).toBe(12);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
  });

  it("never shows another organization's entries", async () => {
    const other = await createOrganization(t.server);
    const res = await t.server.inject({
      url: `/api/v1/admin/audit-log?userId=${other.nurse.id}`,
      headers: bearer(org.admin),
    });
    expect((res.result as { total: number }).total).toBe(0);
  });

  it('detects a row edited by a superuser who bypassed the triggers, in the API and the CLI', async () => {
    const victim = await createOrganization(t.server);
    const studentRes = await t.server.inject({
      method: 'POST',
      url: '/api/v1/students',
      headers: bearer(victim.nurse),
      payload: studentPayload(),
    });
    const studentId = (studentRes.result as { id: string }).id;
    const before = await t.server.inject({
      url: '/api/v1/admin/audit-log/verify',
      headers: bearer(victim.admin),
    });
    expect(before.result).toMatchObject({ valid: true, firstBroken: null });

    const tampered = await asSuperuser(async (c) => {
      await c.query('BEGIN');
      await c.query('SET LOCAL session_replication_role = replica'); // disables ordinary triggers
      const { rows } = await c.query(
        `UPDATE audit_log SET user_id = NULL WHERE entity_id = $1 AND action = 'student.create' RETURNING id::text`,
        [studentId],
      );
      await c.query('COMMIT');
      return rows[0].id as string;
    });

    const after = await t.server.inject({
      url: '/api/v1/admin/audit-log/verify',
      headers: bearer(victim.admin),
    });
    expect(after.result).toMatchObject({
      valid: false,
      firstBroken: { id: tampered, reason: 'hash mismatch' },
    });

    const cli = await promisify(execFile)('node', ['--import', 'tsx', 'src/cli/index.ts', 'verify-audit'], {
      cwd: new URL('../..', import.meta.url).pathname,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl(t.databaseName),
        REDIS_URL: t.config.redis.url,
        LOG_LEVEL: 'warn',
      },
    }).then(
      () => ({ code: 0, stdout: '' }),
      (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
    );
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain(`BROKEN  ${victim.id}: first broken row id ${tampered}`);
    expect(cli.stdout).toContain(`ok      ${org.id}`);
  });

  it('detects a deleted row as a gap', async () => {
    const victim = await createOrganization(t.server);
    await t.server.inject({ url: '/api/v1/auth/me', headers: bearer(victim.nurse) });
    await asSuperuser(async (c) => {
      await c.query('BEGIN');
      await c.query('SET LOCAL session_replication_role = replica');
      await c.query(
        `DELETE FROM audit_log WHERE chain = $1 AND seq = (SELECT min(seq) + 1 FROM audit_log WHERE chain = $1)`,
        [victim.id],
      );
      await c.query('COMMIT');
    });
    const result = await t.server.plugins.audit.service.verifyChain(victim.id);
    expect(result).toMatchObject({ valid: false, firstBroken: { reason: 'gap in sequence' } });
  });
});
