import { describe, expect, it } from 'vitest';
import {
  actorFor,
  bearer,
  createOrganization,
  createStudent,
  createStudents,
  createUser,
  type TestUser,
} from '../helpers/fixtures.js';
import {
  expectSchoolFilter,
  type NamedRow,
  schoolFilterStudents,
  studentQueriesDuring,
} from '../helpers/studentJoin.js';
import { twoOrganizationSuite } from '../helpers/suite.js';
import { seedAppointmentsDemo } from '../../src/seed/appointmentsDemo.js';

const s = twoOrganizationSuite();

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;
// Each test books its own nurse or its own far-apart days, so tests never clash with each other.
let dayOffset = 10;
const freshDay = () => Date.now() + (dayOffset += 3) * DAY;
const at = (base: number, minutes: number) => new Date(base + minutes * MINUTE).toISOString();

async function book(user: TestUser, payload: Record<string, unknown>) {
  return s.server.inject({ method: 'POST', url: '/api/v1/appointments', headers: bearer(user), payload });
}

async function appointmentRows(studentId: string): Promise<number> {
  const row = (await s.server.app.sequelize.query(
    'SELECT count(*)::int AS n FROM appointments WHERE student_id = :studentId',
    { replacements: { studentId }, plain: true },
  )) as { n: number };
  return row.n;
}

describe('appointments', () => {
  it('books a 15-minute SCHEDULED visit with the actor as nurse and a reminder 24 h before', async () => {
    const student = await createStudent(s.server, s.orgA);
    const startsAt = at(freshDay(), 0);
    const res = await book(s.orgA.nurse, {
      studentId: student.id,
      startsAt,
      type: 'SCREENING',
      reason: 'Vision',
    });
    expect(res.statusCode).toBe(201);
    const created = res.result as { id: string; reminderDueAt: Date; startsAt: Date };
    expect(created).toMatchObject({
      studentId: student.id,
      nurseId: s.orgA.nurse.id,
      durationMinutes: 15,
      status: 'SCHEDULED',
      type: 'SCREENING',
    });
    expect(new Date(created.startsAt).getTime() - new Date(created.reminderDueAt).getTime()).toBe(DAY);
    const audited = (await s.server.app.sequelize.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'appointment.create' AND entity_id = :id`,
      { replacements: { id: created.id }, plain: true },
    )) as { n: number };
    expect(audited.n).toBe(1);
  });

  it('stores no reminder for a slot less than a day away', async () => {
    const student = await createStudent(s.server, s.orgA);
    const res = await book(s.orgA.nurse, {
      studentId: student.id,
      startsAt: at(Date.now(), 60),
      type: 'ILLNESS',
      nurseId: s.orgA.admin.id,
    });
    expect(res.statusCode).toBe(201);
    expect(res.result).toMatchObject({ reminderDueAt: null, nurseId: s.orgA.admin.id });
  });

  it('filters by nurse, student, status and time, and pages', async () => {
    const nurse = await createUser(s.server, s.orgA.id, 'NURSE');
    const student = await createStudent(s.server, s.orgA);
    const other = await createStudent(s.server, s.orgA);
    const day = freshDay();
    for (const [booked, minutes] of [
      [student, 0],
      [student, 60],
      [other, 120],
    ] as const) {
      expect(
        (await book(nurse, { studentId: booked.id, startsAt: at(day, minutes), type: 'FOLLOW_UP' }))
          .statusCode,
      ).toBe(201);
    }
    const list = async (query: string) => {
      const res = await s.server.inject({
        url: `/api/v1/appointments?nurseId=${nurse.id}&${query}`,
        headers: bearer(s.orgA.nurse),
      });
      expect(res.statusCode).toBe(200);
      return res.result as { data: Array<{ studentId: string; id: string }>; total: number };
    };
    expect((await list('')).total).toBe(3);
    expect((await list(`studentId=${student.id}`)).total).toBe(2);
    expect((await list(`from=${encodeURIComponent(at(day, 30))}`)).total).toBe(2);
    expect((await list(`to=${encodeURIComponent(at(day, 30))}`)).total).toBe(1);
    const page2 = await list('pageSize=2&page=2');
    expect(page2.data.map((a) => a.studentId)).toEqual([other.id]);

    const first = (await list('pageSize=1')).data[0]!;
    const cancel = await s.server.inject({
      method: 'PATCH',
      url: `/api/v1/appointments/${first.id}`,
      headers: bearer(s.orgA.nurse),
      payload: { status: 'CANCELLED' },
    });
    expect(cancel.statusCode).toBe(200);
    expect(cancel.result).toMatchObject({ status: 'CANCELLED', reminderDueAt: null });
    expect((await list('status=SCHEDULED')).total).toBe(2);
    expect((await list('status=CANCELLED')).total).toBe(1);
  });

  it('shows a viewer the slot without notes', async () => {
    const student = await createStudent(s.server, s.orgA);
    const created = (
      await book(s.orgA.nurse, {
        studentId: student.id,
        startsAt: at(freshDay(), 0),
        type: 'COUNSELING',
        notes: 'Discuss stress at home.',
      })
    ).result as { id: string; notes: string };
    expect(created.notes).toBe('Discuss stress at home.');
    const one = await s.server.inject({
      url: `/api/v1/appointments/${created.id}`,
      headers: bearer(s.orgA.viewer),
    });
    expect(one.statusCode).toBe(200);
    expect(one.result).toMatchObject({ id: created.id, type: 'COUNSELING' });
    expect(one.result).not.toHaveProperty('notes');
    const list = await s.server.inject({
      url: `/api/v1/appointments?studentId=${student.id}`,
      headers: bearer(s.orgA.viewer),
    });
    const rows = (list.result as { data: object[] }).data;
    expect(rows).toHaveLength(1);
    expect(rows[0]).not.toHaveProperty('notes');
    const nurse = await s.server.inject({
      url: `/api/v1/appointments/${created.id}`,
      headers: bearer(s.orgA.nurse),
    });
    expect(nurse.result).toMatchObject({ notes: 'Discuss stress at home.' });
  });
});

describe('appointments: who they are for', () => {
  it('names the student (and their school) on create, list, read and update, to a viewer too', async () => {
    const student = await createStudent(s.server, s.orgA, { firstName: 'Amara', lastName: 'Okafor' });
    const expected = {
      studentId: student.id,
      studentName: 'Amara Okafor',
      student: { id: student.id, firstName: 'Amara', lastName: 'Okafor', schoolId: s.orgA.schoolId },
    };
    const created = await book(s.orgA.nurse, {
      studentId: student.id,
      startsAt: at(freshDay(), 0),
      type: 'COUNSELING',
      notes: 'Private.',
    });
    expect(created.statusCode).toBe(201);
    expect(created.result).toMatchObject(expected);
    const { id } = created.result as NamedRow;

    for (const user of [s.orgA.nurse, s.orgA.viewer]) {
      const list = await s.server.inject({
        url: `/api/v1/appointments?studentId=${student.id}`,
        headers: bearer(user),
      });
      expect(list.statusCode).toBe(200);
      const rows = (list.result as { data: NamedRow[] }).data;
      expect(rows).toEqual([expect.objectContaining(expected)]);
      const read = await s.server.inject({ url: `/api/v1/appointments/${id}`, headers: bearer(user) });
      expect(read.statusCode).toBe(200);
      expect(read.result).toMatchObject({ ...expected, id });
      // The name is not detail: a viewer still does not get the notes.
      if (user === s.orgA.viewer) expect(read.result).not.toHaveProperty('notes');
    }

    const patch = await s.server.inject({
      method: 'PATCH',
      url: `/api/v1/appointments/${id}`,
      headers: bearer(s.orgA.nurse),
      payload: { status: 'COMPLETED' },
    });
    expect(patch.statusCode).toBe(200);
    expect(patch.result).toMatchObject({ ...expected, status: 'COMPLETED' });
  });

  it('reads the names of a whole page with one join, not one query per row', async () => {
    const nurse = await createUser(s.server, s.orgA.id, 'NURSE');
    const day = freshDay();
    for (const minutes of [0, 30, 60]) {
      const student = await createStudent(s.server, s.orgA);
      expect(
        (await book(nurse, { studentId: student.id, startsAt: at(day, minutes), type: 'OTHER' })).statusCode,
      ).toBe(201);
    }
    const list = (pageSize: number) =>
      s.server.inject({
        url: `/api/v1/appointments?nurseId=${nurse.id}&pageSize=${pageSize}`,
        headers: bearer(s.orgA.nurse),
      });
    const one = await studentQueriesDuring(s.server, () => list(1));
    const three = await studentQueriesDuring(s.server, async () => {
      const res = await list(3);
      const rows = (res.result as { data: NamedRow[] }).data;
      expect(rows).toHaveLength(3);
      expect(rows.every((a) => /^Jordan Tester/.test(a.studentName))).toBe(true);
    });
    // The page and its count, whatever the page's length.
    expect(one).toHaveLength(2);
    expect(three).toHaveLength(2);
    expect(three.every((sql) => /JOIN students/.test(sql))).toBe(true);
  });

  it("filters by the student's school; another organization's school matches nothing", async () => {
    const students = await schoolFilterStudents(s);
    const { here, main, theirs } = students;
    const day = freshDay();
    await book(s.orgA.nurse, { studentId: here.id, startsAt: at(day, 0), type: 'SCREENING' });
    await book(s.orgA.nurse, { studentId: main.id, startsAt: at(day, 30), type: 'SCREENING' });
    expect(
      (await book(s.orgB.nurse, { studentId: theirs.id, startsAt: at(day, 0), type: 'SCREENING' }))
        .statusCode,
    ).toBe(201);
    await expectSchoolFilter(s, '/api/v1/appointments', students);
  });
});

describe('appointments: reschedule', () => {
  it('moves a scheduled visit and its reminder time, refusing bad fields with 400', async () => {
    const student = await createStudent(s.server, s.orgA);
    const created = (
      await book(s.orgA.nurse, { studentId: student.id, startsAt: at(freshDay(), 0), type: 'OTHER' })
    ).result as { id: string };
    const patch = (payload: object) =>
      s.server.inject({
        method: 'PATCH',
        url: `/api/v1/appointments/${created.id}`,
        headers: bearer(s.orgA.nurse),
        payload,
      });
    const startsAt = at(freshDay(), 30);
    const moved = await patch({ startsAt, durationMinutes: 30 });
    expect(moved.statusCode).toBe(200);
    const view = moved.result as { startsAt: Date; reminderDueAt: Date; durationMinutes: number };
    expect(new Date(view.startsAt).toISOString()).toBe(startsAt);
    expect(view.durationMinutes).toBe(30);
    expect(new Date(view.startsAt).getTime() - new Date(view.reminderDueAt).getTime()).toBe(DAY);
    for (const [payload, field] of [
      [{ startsAt: 'next week' }, 'startsAt'],
      [{ durationMinutes: 241 }, 'durationMinutes'],
    ] as const) {
      const res = await patch(payload);
      expect(res.statusCode, field).toBe(400);
      expect((res.result as { message: string }).message).toContain(field);
    }
  });
});

describe('appointments: refusals', () => {
  it('refuses (409) a nurse double-booked in an overlapping scheduled slot, writing nothing', async () => {
    const nurse = await createUser(s.server, s.orgA.id, 'NURSE');
    const student = await createStudent(s.server, s.orgA);
    const day = freshDay();
    const first = await book(nurse, {
      studentId: student.id,
      startsAt: at(day, 0),
      durationMinutes: 30,
      type: 'OTHER',
    });
    expect(first.statusCode).toBe(201);
    for (const [start, duration] of [
      [15, 15], // inside
      [-10, 15], // overlaps the start
      [29, 60], // overlaps the end
      [-60, 240], // contains it
    ]) {
      const res = await book(nurse, {
        studentId: student.id,
        startsAt: at(day, start!),
        durationMinutes: duration,
        type: 'OTHER',
      });
      expect(res.statusCode, `${start}+${duration}`).toBe(409);
    }
    expect(await appointmentRows(student.id)).toBe(1);
    // Back to back is fine, and so is another nurse at the same time.
    expect(
      (await book(nurse, { studentId: student.id, startsAt: at(day, 30), type: 'OTHER' })).statusCode,
    ).toBe(201);
    expect(
      (await book(s.orgA.nurse, { studentId: student.id, startsAt: at(day, 0), type: 'OTHER' })).statusCode,
    ).toBe(201);
  });

  it('frees the slot once the earlier appointment is cancelled', async () => {
    const nurse = await createUser(s.server, s.orgA.id, 'NURSE');
    const student = await createStudent(s.server, s.orgA);
    const startsAt = at(freshDay(), 0);
    const first = (await book(nurse, { studentId: student.id, startsAt, type: 'OTHER' })).result as {
      id: string;
    };
    await s.server.inject({
      method: 'PATCH',
      url: `/api/v1/appointments/${first.id}`,
      headers: bearer(nurse),
      payload: { status: 'CANCELLED' },
    });
    expect((await book(nurse, { studentId: student.id, startsAt, type: 'OTHER' })).statusCode).toBe(201);
  });

  it('refuses (422) to reopen a cancelled appointment', async () => {
    const student = await createStudent(s.server, s.orgA);
    const created = (
      await book(s.orgA.nurse, { studentId: student.id, startsAt: at(freshDay(), 0), type: 'OTHER' })
    ).result as { id: string };
    const patch = (payload: object) =>
      s.server.inject({
        method: 'PATCH',
        url: `/api/v1/appointments/${created.id}`,
        headers: bearer(s.orgA.nurse),
        payload,
      });
    expect((await patch({ status: 'NO_SHOW' })).statusCode).toBe(200);
    const reopen = await patch({ status: 'SCHEDULED' });
    expect(reopen.statusCode).toBe(422);
    const [row] = (await s.server.app.sequelize.query('SELECT status FROM appointments WHERE id = :id', {
      replacements: { id: created.id },
    })) as [Array<{ status: string }>, unknown];
    expect(row[0]!.status).toBe('NO_SHOW');
  });

  it('refuses a nurseId that is a viewer or a user of another organization (422)', async () => {
    const student = await createStudent(s.server, s.orgA);
    for (const nurseId of [s.orgA.viewer.id, s.orgB.nurse.id, crypto.randomUUID()]) {
      const res = await book(s.orgA.nurse, {
        studentId: student.id,
        startsAt: at(freshDay(), 0),
        type: 'OTHER',
        nurseId,
      });
      expect(res.statusCode).toBe(422);
      expect((res.result as { message: string }).message).toContain('nurseId');
    }
    expect(await appointmentRows(student.id)).toBe(0);
  });

  it('validates the payload and the query with 400s naming the field', async () => {
    const student = await createStudent(s.server, s.orgA);
    const base = { studentId: student.id, startsAt: at(freshDay(), 0), type: 'OTHER' };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ durationMinutes: 4 }, 'durationMinutes'],
      [{ durationMinutes: 241 }, 'durationMinutes'],
      [{ type: 'DENTAL' }, 'type'],
      [{ startsAt: 'tomorrow' }, 'startsAt'],
      [{ status: 'COMPLETED' }, 'status'],
      [{ reason: 'x'.repeat(501) }, 'reason'],
      [{ nurseId: 'nurse-1' }, 'nurseId'],
    ];
    for (const [overrides, field] of cases) {
      const res = await book(s.orgA.nurse, { ...base, ...overrides });
      expect(res.statusCode, field).toBe(400);
      expect((res.result as { message: string }).message).toContain(field);
    }
    expect(await appointmentRows(student.id)).toBe(0);
    const query = await s.server.inject({
      url: '/api/v1/appointments?status=LATE',
      headers: bearer(s.orgA.nurse),
    });
    expect(query.statusCode).toBe(400);
  });

  it("answers 404 for another organization's student or appointment", async () => {
    const theirStudent = await createStudent(s.server, s.orgB);
    const res = await book(s.orgA.nurse, {
      studentId: theirStudent.id,
      startsAt: at(freshDay(), 0),
      type: 'OTHER',
    });
    expect(res.statusCode).toBe(404);
    const theirs = (
      await book(s.orgB.nurse, { studentId: theirStudent.id, startsAt: at(freshDay(), 0), type: 'OTHER' })
    ).result as { id: string };
    expect(
      (await s.server.inject({ url: `/api/v1/appointments/${theirs.id}`, headers: bearer(s.orgA.nurse) }))
        .statusCode,
    ).toBe(404);
    const patch = await s.server.inject({
      method: 'PATCH',
      url: `/api/v1/appointments/${theirs.id}`,
      headers: bearer(s.orgA.nurse),
      payload: { status: 'CANCELLED' },
    });
    expect(patch.statusCode).toBe(404);
    const list = await s.server.inject({
      url: `/api/v1/appointments?studentId=${theirStudent.id}`,
      headers: bearer(s.orgA.nurse),
    });
    expect((list.result as { total: number }).total).toBe(0);
  });

  it('answers 403 to a viewer booking or changing an appointment', async () => {
    const student = await createStudent(s.server, s.orgA);
    const created = (
      await book(s.orgA.nurse, { studentId: student.id, startsAt: at(freshDay(), 0), type: 'OTHER' })
    ).result as { id: string };
    const create = await book(s.orgA.viewer, {
      studentId: student.id,
      startsAt: at(freshDay(), 0),
      type: 'OTHER',
    });
    expect(create.statusCode).toBe(403);
    const patch = await s.server.inject({
      method: 'PATCH',
      url: `/api/v1/appointments/${created.id}`,
      headers: bearer(s.orgA.viewer),
      payload: { status: 'CANCELLED' },
    });
    expect(patch.statusCode).toBe(403);
    expect(await appointmentRows(student.id)).toBe(1);
  });
});

describe('appointments demo seed', () => {
  it('books upcoming visits for a share of the students without double-booking', async () => {
    const org = await createOrganization(s.server);
    const students = await createStudents(s.server, org, 12);
    await seedAppointmentsDemo(s.server, actorFor(org), students);
    const row = (await s.server.app.sequelize.query(
      `SELECT count(*)::int AS n, count(reminder_due_at)::int AS reminders FROM appointments
        WHERE organization_id = :org AND status = 'SCHEDULED'`,
      { replacements: { org: org.id }, plain: true },
    )) as { n: number; reminders: number };
    expect(row).toEqual({ n: 3, reminders: 3 });
  });
});
