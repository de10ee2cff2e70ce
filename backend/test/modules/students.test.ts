import { describe, expect, it } from 'vitest';
import { bearer, studentPayload, type TestOrganization } from '../helpers/fixtures.js';
import { twoOrganizationSuite } from '../helpers/suite.js';

const s = twoOrganizationSuite();

async function createStudent(org: TestOrganization, overrides: Record<string, unknown> = {}) {
  const res = await s.server.inject({
    method: 'POST',
    url: '/api/v1/students',
    headers: bearer(org.nurse),
    payload: studentPayload({ schoolId: org.schoolId, ...overrides }),
  });
  expect(res.statusCode).toBe(201);
  return res.result as { id: string; lastName: string; organizationId: string };
}

async function auditRows(studentId: string, action: string): Promise<number> {
  const [rows] = await s.server.app.sequelize.query(
    `SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'student' AND entity_id = :id AND action = :action`,
    { replacements: { id: studentId, action } },
  );
  return (rows as Array<{ n: number }>)[0]!.n;
}

describe('students', () => {
  it('creates a student in the caller organization and reads it back', async () => {
    const created = await createStudent(s.orgA, { studentNumber: 'A-100', gender: 'F' });
    expect(created.organizationId).toBe(s.orgA.id);
    const res = await s.server.inject({
      url: `/api/v1/students/${created.id}`,
      headers: bearer(s.orgA.viewer),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(res.payload)).toMatchObject({
      id: created.id,
      studentNumber: 'A-100',
      gender: 'F',
      dateOfBirth: '2015-04-12',
    });
  });

  it('writes one audit row per read and one for the creation', async () => {
    const created = await createStudent(s.orgA);
    expect(await auditRows(created.id, 'student.create')).toBe(1);
    for (let i = 0; i < 3; i += 1) {
      await s.server.inject({ url: `/api/v1/students/${created.id}`, headers: bearer(s.orgA.nurse) });
    }
    expect(await auditRows(created.id, 'student.read')).toBe(3);
  });

  it('searches by name and student number, filters by grade, pages', async () => {
    const marker = `Zyx${Date.now().toString(36)}`;
    await createStudent(s.orgA, {
      lastName: marker,
      firstName: 'Ana',
      grade: '3',
      studentNumber: `${marker}-1`,
    });
    await createStudent(s.orgA, {
      lastName: marker,
      firstName: 'Ben',
      grade: '5',
      studentNumber: `${marker}-2`,
    });
    await createStudent(s.orgA, {
      lastName: marker,
      firstName: 'Cy',
      grade: '5',
      studentNumber: `${marker}-3`,
    });

    const byName = await s.server.inject({
      url: `/api/v1/students?search=${marker}`,
      headers: bearer(s.orgA.nurse),
    });
    expect(byName.result).toMatchObject({ total: 3, page: 1 });

    const byFullName = await s.server.inject({
      url: `/api/v1/students?search=ben%20${marker}`,
      headers: bearer(s.orgA.nurse),
    });
    expect(
      (byFullName.result as { data: Array<{ firstName: string }> }).data.map((s) => s.firstName),
    ).toEqual(['Ben']);

    const byNumber = await s.server.inject({
      url: `/api/v1/students?search=${marker}-3`,
      headers: bearer(s.orgA.nurse),
    });
    expect((byNumber.result as { total: number }).total).toBe(1);

    const grade5 = await s.server.inject({
      url: `/api/v1/students?search=${marker}&grade=5`,
      headers: bearer(s.orgA.nurse),
    });
    expect((grade5.result as { total: number }).total).toBe(2);

    const page2 = await s.server.inject({
      url: `/api/v1/students?search=${marker}&pageSize=2&page=2`,
      headers: bearer(s.orgA.nurse),
    });
    const body = page2.result as { data: Array<{ firstName: string }>; total: number; pageSize: number };
    expect(body).toMatchObject({ total: 3, pageSize: 2 });
    expect(body.data.map((s) => s.firstName)).toEqual(['Cy']);
  });

  it('treats LIKE wildcards in a search as plain characters', async () => {
    const res = await s.server.inject({
      url: '/api/v1/students?search=%25%25',
      headers: bearer(s.orgA.nurse),
    });
    expect(res.statusCode).toBe(200);
    expect((res.result as { total: number }).total).toBe(0);
  });

  it('updates a student and audits the change in the same transaction', async () => {
    const created = await createStudent(s.orgA);
    const res = await s.server.inject({
      method: 'PATCH',
      url: `/api/v1/students/${created.id}`,
      headers: bearer(s.orgA.nurse),
      payload: { grade: '5', firstName: 'Renamed' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.result).toMatchObject({ grade: '5', firstName: 'Renamed' });
    expect(await auditRows(created.id, 'student.update')).toBe(1);
  });

  it('rejects a duplicate student number with 409 and writes nothing', async () => {
    const number = `DUP-${Date.now()}`;
    await createStudent(s.orgA, { studentNumber: number });
    const before = await s.server.app.sequelize.query('SELECT count(*)::int AS n FROM audit_log', {
      plain: true,
    });
    const res = await s.server.inject({
      method: 'POST',
      url: '/api/v1/students',
      headers: bearer(s.orgA.nurse),
      payload: studentPayload({ studentNumber: number }),
    });
    expect(res.statusCode).toBe(409);
    const after = await s.server.app.sequelize.query('SELECT count(*)::int AS n FROM audit_log', {
      plain: true,
    });
    expect(after).toEqual(before);
  });

  it('refuses a school of another organization', async () => {
    const res = await s.server.inject({
      method: 'POST',
      url: '/api/v1/students',
      headers: bearer(s.orgA.nurse),
      payload: studentPayload({ schoolId: s.orgB.schoolId }),
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('students: tenancy and roles', () => {
  it("answers 404 to a nurse reading or updating another organization's student", async () => {
    const theirs = await createStudent(s.orgB);
    const read = await s.server.inject({
      url: `/api/v1/students/${theirs.id}`,
      headers: bearer(s.orgA.nurse),
    });
    expect(read.statusCode).toBe(404);
    const update = await s.server.inject({
      method: 'PATCH',
      url: `/api/v1/students/${theirs.id}`,
      headers: bearer(s.orgA.nurse),
      payload: { firstName: 'Hijacked' },
    });
    expect(update.statusCode).toBe(404);
    const stillTheirs = await s.server.inject({
      url: `/api/v1/students/${theirs.id}`,
      headers: bearer(s.orgB.nurse),
    });
    expect((JSON.parse(stillTheirs.payload) as { firstName: string }).firstName).toBe('Jordan');
  });

  it("never lists another organization's students", async () => {
    const theirs = await createStudent(s.orgB);
    const res = await s.server.inject({
      url: `/api/v1/students?search=${theirs.lastName}`,
      headers: bearer(s.orgA.admin),
    });
    expect((res.result as { total: number }).total).toBe(0);
  });

  it('answers 403 to a viewer creating or updating a student', async () => {
    const create = await s.server.inject({
      method: 'POST',
      url: '/api/v1/students',
      headers: bearer(s.orgA.viewer),
      payload: studentPayload(),
    });
    expect(create.statusCode).toBe(403);
    const mine = await createStudent(s.orgA);
    const update = await s.server.inject({
      method: 'PATCH',
      url: `/api/v1/students/${mine.id}`,
      headers: bearer(s.orgA.viewer),
      payload: { firstName: 'Nope' },
    });
    expect(update.statusCode).toBe(403);
  });

  it('answers 401 without a token or with a forged one', async () => {
    expect((await s.server.inject({ url: '/api/v1/students' })).statusCode).toBe(401);
    const forged = await s.server.inject({
      url: '/api/v1/students',
      headers: { authorization: 'Bearer abc.def.ghi' },
    });
    expect(forged.statusCode).toBe(401);
  });
});
