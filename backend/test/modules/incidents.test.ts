import { describe, expect, it } from 'vitest';
import {
  actorFor,
  bearer,
  createOrganization,
  createStudent,
  createStudents,
  type TestOrganization,
} from '../helpers/fixtures.js';
import {
  expectSchoolFilter,
  type NamedRow,
  schoolFilterStudents,
  studentQueriesDuring,
} from '../helpers/studentJoin.js';
import { twoOrganizationSuite } from '../helpers/suite.js';
import { seedIncidentsDemo } from '../../src/seed/incidentsDemo.js';

const s = twoOrganizationSuite();

const HOUR = 60 * 60 * 1000;
const hoursAgo = (h: number) => new Date(Date.now() - h * HOUR).toISOString();

function incidentPayload(studentId: string, overrides: Record<string, unknown> = {}) {
  return {
    studentId,
    type: 'INJURY',
    severity: 'MEDIUM',
    location: 'Playground',
    occurredAt: hoursAgo(2),
    description: 'Fell from the climbing frame, scraped left knee.',
    actionsTaken: 'Cleaned and bandaged.',
    witnesses: ['Ms. Rivera'],
    ...overrides,
  };
}

async function report(org: TestOrganization, payload: Record<string, unknown>) {
  return s.server.inject({ method: 'POST', url: '/api/v1/incidents', headers: bearer(org.nurse), payload });
}

async function count(sql: string, replacements: Record<string, unknown>): Promise<number> {
  const row = (await s.server.app.sequelize.query(sql, { replacements, plain: true })) as { n: number };
  return row.n;
}

const incidentRows = (studentId: string) =>
  count('SELECT count(*)::int AS n FROM incidents WHERE student_id = :studentId', { studentId });
const auditRows = (action: string, id: string) =>
  count('SELECT count(*)::int AS n FROM audit_log WHERE action = :action AND entity_id = :id', {
    action,
    id,
  });

describe('incidents', () => {
  it('reports an incident with the actor as reporter and reads it back', async () => {
    const student = await createStudent(s.server, s.orgA);
    const res = await report(
      s.orgA,
      incidentPayload(student.id, {
        parentNotified: { notified: true, by: 'Nurse Joy', at: hoursAgo(1), method: 'PHONE' },
        followUpRequired: true,
      }),
    );
    expect(res.statusCode).toBe(201);
    const created = res.result as { id: string; reportedBy: string; parentNotified: Record<string, unknown> };
    expect(created).toMatchObject({
      studentId: student.id,
      organizationId: s.orgA.id,
      reportedBy: s.orgA.nurse.id,
      witnesses: ['Ms. Rivera'],
      followUpRequired: true,
    });
    expect(created.parentNotified).toMatchObject({ notified: true, by: 'Nurse Joy', method: 'PHONE' });

    const read = await s.server.inject({
      url: `/api/v1/incidents/${created.id}`,
      headers: bearer(s.orgA.admin),
    });
    expect(read.statusCode).toBe(200);
    expect(read.result).toMatchObject({ id: created.id, location: 'Playground' });
    expect(await auditRows('incident.create', created.id)).toBe(1);
    expect(await auditRows('incident.read', created.id)).toBe(1);
  });

  it('defaults to "parents not notified" with no witnesses', async () => {
    const student = await createStudent(s.server, s.orgA);
    const { witnesses: _w, ...payload } = incidentPayload(student.id);
    const res = await report(s.orgA, payload);
    expect(res.statusCode).toBe(201);
    expect(res.result).toMatchObject({
      witnesses: [],
      parentNotified: { notified: false, by: null, at: null, method: null },
      followUpRequired: false,
    });
  });

  it('records follow-up with PATCH and audits it', async () => {
    const student = await createStudent(s.server, s.orgA);
    const created = (await report(s.orgA, incidentPayload(student.id))).result as { id: string };
    const res = await s.server.inject({
      method: 'PATCH',
      url: `/api/v1/incidents/${created.id}`,
      headers: bearer(s.orgA.nurse),
      payload: {
        followUpRequired: true,
        followUpNotes: 'Check the knee tomorrow.',
        parentNotified: { notified: true, method: 'EMAIL' },
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.result).toMatchObject({
      followUpRequired: true,
      followUpNotes: 'Check the knee tomorrow.',
      parentNotified: { notified: true, method: 'EMAIL' },
    });
    expect(await auditRows('incident.update', created.id)).toBe(1);
  });

  it('filters the list by student, type, severity and time, and pages', async () => {
    const student = await createStudent(s.server, s.orgA);
    await report(
      s.orgA,
      incidentPayload(student.id, { type: 'ILLNESS', severity: 'LOW', occurredAt: hoursAgo(50) }),
    );
    await report(
      s.orgA,
      incidentPayload(student.id, { type: 'INJURY', severity: 'HIGH', occurredAt: hoursAgo(5) }),
    );
    await report(
      s.orgA,
      incidentPayload(student.id, { type: 'INJURY', severity: 'LOW', occurredAt: hoursAgo(3) }),
    );
    const list = async (query: string) => {
      const res = await s.server.inject({
        url: `/api/v1/incidents?studentId=${student.id}&${query}`,
        headers: bearer(s.orgA.nurse),
      });
      expect(res.statusCode).toBe(200);
      return res.result as {
        data: Array<{ type: string; severity: string }>;
        total: number;
        pageSize: number;
      };
    };
    expect((await list('')).total).toBe(3);
    expect((await list('type=INJURY')).total).toBe(2);
    expect((await list('severity=LOW')).total).toBe(2);
    expect((await list('type=INJURY&severity=HIGH')).total).toBe(1);
    expect((await list(`from=${encodeURIComponent(hoursAgo(24))}`)).total).toBe(2);
    expect((await list(`to=${encodeURIComponent(hoursAgo(24))}`)).data.map((i) => i.type)).toEqual([
      'ILLNESS',
    ]);
    const page2 = await list('pageSize=2&page=2');
    expect(page2).toMatchObject({ total: 3, pageSize: 2 });
    // Newest first: the oldest (the illness) lands on page 2.
    expect(page2.data.map((i) => i.type)).toEqual(['ILLNESS']);
  });

  it("summarizes a student's 20 most recent incidents for the profile section", async () => {
    const student = await createStudent(s.server, s.orgA);
    for (let i = 0; i < 22; i += 1) {
      await report(s.orgA, incidentPayload(student.id, { occurredAt: hoursAgo(30 - i) }));
    }
    const summary = await s.server.plugins.incidents.service.recentFor(s.orgA.id, student.id);
    expect(summary).toHaveLength(20);
    expect(summary[0]).toMatchObject({ type: 'INJURY', severity: 'MEDIUM', parentNotified: false });
    expect(summary[0]).not.toHaveProperty('description');
    const times = summary.map((i) => new Date(i.occurredAt).getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(await s.server.plugins.incidents.service.recentFor(s.orgB.id, student.id)).toEqual([]);
  });

  it('shows incidents in the profile to a nurse, refreshed after a report, and not to a viewer', async () => {
    const student = await createStudent(s.server, s.orgA);
    await report(s.orgA, incidentPayload(student.id));
    const profile = () =>
      s.server.inject({ url: `/api/v1/students/${student.id}`, headers: bearer(s.orgA.nurse) });
    const first = await profile();
    expect(first.statusCode).toBe(200);
    expect((JSON.parse(first.payload) as { incidents: unknown[] }).incidents).toHaveLength(1);

    // A second report invalidates the cached profile.
    await report(s.orgA, incidentPayload(student.id, { type: 'ILLNESS' }));
    expect((JSON.parse((await profile()).payload) as { incidents: unknown[] }).incidents).toHaveLength(2);

    const viewerView = await s.server.inject({
      url: `/api/v1/students/${student.id}`,
      headers: bearer(s.orgA.viewer),
    });
    expect(viewerView.statusCode).toBe(200);
    expect(JSON.parse(viewerView.payload)).not.toHaveProperty('incidents');
  });
});

describe('incidents: who they are about', () => {
  it('names the student (and their school) on create, list, read and update', async () => {
    const student = await createStudent(s.server, s.orgA, { firstName: 'Amara', lastName: 'Okafor' });
    const expected = {
      studentId: student.id,
      studentName: 'Amara Okafor',
      student: { id: student.id, firstName: 'Amara', lastName: 'Okafor', schoolId: s.orgA.schoolId },
    };
    const created = await report(s.orgA, incidentPayload(student.id));
    expect(created.statusCode).toBe(201);
    expect(created.result).toMatchObject(expected);
    const { id } = created.result as NamedRow;

    const list = await s.server.inject({
      url: `/api/v1/incidents?studentId=${student.id}`,
      headers: bearer(s.orgA.nurse),
    });
    expect(list.statusCode).toBe(200);
    expect((list.result as { data: NamedRow[] }).data).toEqual([expect.objectContaining(expected)]);

    const read = await s.server.inject({ url: `/api/v1/incidents/${id}`, headers: bearer(s.orgA.admin) });
    expect(read.statusCode).toBe(200);
    expect(read.result).toMatchObject({ ...expected, id, location: 'Playground' });

    const patch = await s.server.inject({
      method: 'PATCH',
      url: `/api/v1/incidents/${id}`,
      headers: bearer(s.orgA.nurse),
      payload: { followUpNotes: 'Called home.' },
    });
    expect(patch.statusCode).toBe(200);
    expect(patch.result).toMatchObject({ ...expected, followUpNotes: 'Called home.' });
  });

  it('reads the names of a whole page with one join, not one query per row', async () => {
    const students = await Promise.all([1, 2, 3].map(() => createStudent(s.server, s.orgA)));
    for (const student of students) await report(s.orgA, incidentPayload(student.id));
    const list = (pageSize: number) =>
      s.server.inject({ url: `/api/v1/incidents?pageSize=${pageSize}`, headers: bearer(s.orgA.nurse) });
    const one = await studentQueriesDuring(s.server, () => list(1));
    const three = await studentQueriesDuring(s.server, async () => {
      const res = await list(3);
      const names = (res.result as { data: NamedRow[] }).data.map((i) => i.studentName);
      expect(names).toHaveLength(3);
      expect(names.every((name) => /^Jordan Tester/.test(name))).toBe(true);
    });
    // The page and its count, whatever the page's length.
    expect(one).toHaveLength(2);
    expect(three).toHaveLength(2);
    expect(three.every((sql) => /JOIN students/.test(sql))).toBe(true);
  });

  it("filters by the student's school; another organization's school matches nothing", async () => {
    const students = await schoolFilterStudents(s);
    await report(s.orgA, incidentPayload(students.here.id));
    await report(s.orgA, incidentPayload(students.main.id));
    expect((await report(s.orgB, incidentPayload(students.theirs.id))).statusCode).toBe(201);
    await expectSchoolFilter(s, '/api/v1/incidents', students);
  });
});

describe('incidents: refusals', () => {
  it('refuses an incident in the future, an unknown type and unknown fields with 400 naming the field', async () => {
    const student = await createStudent(s.server, s.orgA);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ occurredAt: new Date(Date.now() + HOUR).toISOString() }, 'occurredAt'],
      [{ type: 'ALIENS' }, 'type'],
      [{ severity: 'EXTREME' }, 'severity'],
      [{ witnesses: 'Ms. Rivera' }, 'witnesses'],
      [{ location: 'x'.repeat(201) }, 'location'],
      [{ injuredBodyPart: 'knee' }, 'injuredBodyPart'],
      [{ parentNotified: { notified: false, method: 'PHONE' } }, 'method'],
      [{ parentNotified: { notified: true, method: 'CARRIER_PIGEON' } }, 'method'],
    ];
    for (const [overrides, field] of cases) {
      const res = await report(s.orgA, incidentPayload(student.id, overrides));
      expect(res.statusCode, field).toBe(400);
      expect((res.result as { message: string }).message).toContain(field);
    }
    const { studentId: _s, ...noStudent } = incidentPayload(student.id);
    expect((await report(s.orgA, noStudent)).statusCode).toBe(400);
    expect(await incidentRows(student.id)).toBe(0);
  });

  it('refuses a parent notification before the incident with 422, writing nothing', async () => {
    const student = await createStudent(s.server, s.orgA);
    const res = await report(
      s.orgA,
      incidentPayload(student.id, {
        occurredAt: hoursAgo(2),
        parentNotified: { notified: true, at: hoursAgo(3), method: 'PHONE' },
      }),
    );
    expect(res.statusCode).toBe(422);
    expect((res.result as { message: string }).message).toMatch(/notified before the incident/);
    expect(await incidentRows(student.id)).toBe(0);
  });

  it("answers 404 for another organization's student or incident", async () => {
    const theirStudent = await createStudent(s.server, s.orgB);
    const create = await report(s.orgA, incidentPayload(theirStudent.id));
    expect(create.statusCode).toBe(404);
    expect(await incidentRows(theirStudent.id)).toBe(0);

    const theirs = (await report(s.orgB, incidentPayload(theirStudent.id))).result as { id: string };
    const read = await s.server.inject({
      url: `/api/v1/incidents/${theirs.id}`,
      headers: bearer(s.orgA.nurse),
    });
    expect(read.statusCode).toBe(404);
    const patch = await s.server.inject({
      method: 'PATCH',
      url: `/api/v1/incidents/${theirs.id}`,
      headers: bearer(s.orgA.nurse),
      payload: { followUpNotes: 'Not mine.' },
    });
    expect(patch.statusCode).toBe(404);
    const list = await s.server.inject({
      url: `/api/v1/incidents?studentId=${theirStudent.id}`,
      headers: bearer(s.orgA.nurse),
    });
    expect((list.result as { total: number }).total).toBe(0);
  });

  it('answers 403 to a viewer on every incident route', async () => {
    const student = await createStudent(s.server, s.orgA);
    const created = (await report(s.orgA, incidentPayload(student.id))).result as { id: string };
    const viewer = bearer(s.orgA.viewer);
    const attempts = [
      s.server.inject({ url: '/api/v1/incidents', headers: viewer }),
      s.server.inject({ url: `/api/v1/incidents/${created.id}`, headers: viewer }),
      s.server.inject({
        method: 'POST',
        url: '/api/v1/incidents',
        headers: viewer,
        payload: incidentPayload(student.id),
      }),
      s.server.inject({
        method: 'PATCH',
        url: `/api/v1/incidents/${created.id}`,
        headers: viewer,
        payload: { followUpRequired: true },
      }),
    ];
    for (const res of await Promise.all(attempts)) expect(res.statusCode).toBe(403);
    expect(await incidentRows(student.id)).toBe(1);
  });
});

describe('incidents demo seed', () => {
  it('reports incidents for a share of the students through the service', async () => {
    const org = await createOrganization(s.server);
    const students = await createStudents(s.server, org, 10);
    await seedIncidentsDemo(s.server, actorFor(org), students);
    const row = (await s.server.app.sequelize.query(
      'SELECT count(*)::int AS n, count(DISTINCT student_id)::int AS students FROM incidents WHERE organization_id = :org',
      { replacements: { org: org.id }, plain: true },
    )) as { n: number; students: number };
    expect(row).toEqual({ n: 2, students: 2 });
  });
});
