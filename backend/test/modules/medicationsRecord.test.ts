/**
 * The day's administration record (GET /medications/administration-record), the due list's
 * school filter, and recording a dose against the scheduled slot it answers (scheduledFor).
 * The organizations here run in a time zone where it is now about midday, so a few hours
 * either side of now are still today.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createOrganization,
  createStudent,
  type TestOrganization,
  type TestUser,
} from '../helpers/fixtures.js';
import {
  administer,
  createPrescription,
  givenPayload,
  localDate,
  localTime,
  marState,
  middayTimeZone,
  setOrganizationTimeZone,
} from '../helpers/medicationFixtures.js';
import { twoOrganizationSuite } from '../helpers/suite.js';

const s = twoOrganizationSuite();

interface ScheduledDose {
  student: { id: string; firstName: string; lastName: string; schoolId: string | null };
  prescription: { id: string; medication: { name: string }; dose: string; route: string };
  scheduledFor: string;
  status: string;
  administration: {
    id: string;
    status: string;
    administeredAt: string;
    reason: string | null;
    administeredBy: { id: string; name: string };
  } | null;
}

interface RecordBody {
  date: string;
  timeZone: string;
  windowMinutes: number;
  counts: Record<string, number>;
  data: ScheduledDose[];
  page: number;
  pageSize: number;
  total: number;
}

/**
 * A dose `offset` minutes from now: its "HH:MM" in the zone and its instant (to the minute),
 * both from one reading of the clock. Etc/GMT zones have no daylight saving, so the same
 * time a day earlier or later is 24 hours away.
 */
function slot(offsetMinutes: number, timeZone: string) {
  const at = new Date(Math.floor((Date.now() + offsetMinutes * 60_000) / 60_000) * 60_000);
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  return { time, instant: at.toISOString() };
}

const dayFrom = (instant: string, days: number) =>
  new Date(Date.parse(instant) + days * 24 * 60 * 60_000).toISOString();

async function middayOrganization(): Promise<{ org: TestOrganization; timeZone: string; schoolB: string }> {
  const org = await createOrganization(s.server);
  const timeZone = middayTimeZone();
  await setOrganizationTimeZone(s.server, org.id, timeZone);
  const school = await s.server.plugins.organizations.service.createSchool(org.id, { name: 'Second School' });
  return { org, timeZone, schoolB: school.id };
}

function getRecord(user: TestUser, query = '') {
  return s.server.inject({
    url: `/api/v1/medications/administration-record${query ? `?${query}` : ''}`,
    headers: bearer(user),
  });
}

async function readRecord(user: TestUser, query = ''): Promise<RecordBody> {
  const res = await getRecord(user, query);
  expect(res.statusCode, res.payload).toBe(200);
  return JSON.parse(res.payload) as RecordBody;
}

describe('the day’s administration record', () => {
  let org: TestOrganization;
  let timeZone: string;
  let schoolB: string;
  const rx: Record<string, string> = {};
  let ava: { id: string; firstName: string; lastName: string };
  let ben: { id: string; firstName: string; lastName: string };
  let missedSlot: string;

  beforeAll(async () => {
    ({ org, timeZone, schoolB } = await middayOrganization());
    ava = await createStudent(s.server, org, { firstName: 'Ava' });
    ben = await createStudent(s.server, org, { firstName: 'Ben', schoolId: schoolB });
    const missed = slot(-180, timeZone);
    missedSlot = missed.instant;
    const at = (offset: number | string, name: string, dose = '200 mg') => ({
      scheduleTimes: [typeof offset === 'string' ? offset : localTime(offset, timeZone)],
      startDate: localDate(-1, timeZone),
      medication: { name, form: 'TABLET', strength: dose },
      dose,
    });
    rx.given = (await createPrescription(s.server, org, ava.id, at(0, 'Ibuprofen'))).id;
    rx.missed = (await createPrescription(s.server, org, ava.id, at(missed.time, 'Cetirizine', '10 mg'))).id;
    rx.overdue = (await createPrescription(s.server, org, ava.id, at(-150, 'Loratadine', '10 mg'))).id;
    rx.upcoming = (await createPrescription(s.server, org, ava.id, at(150, 'Guanfacine', '1 mg'))).id;
    rx.due = (await createPrescription(s.server, org, ben.id, at(10, 'Fluoxetine', '10 mg'))).id;
    // PRN orders have no slots; they are not on the record.
    await createPrescription(s.server, org, ben.id, {
      scheduleTimes: undefined,
      prn: true,
      minIntervalMinutes: 240,
      medication: { name: 'Acetaminophen', form: 'TABLET', strength: '325 mg' },
      dose: '325 mg',
    });
    const given = await administer(s.server, org.nurse, ava.id, rx.given!, givenPayload());
    expect(given.statusCode, given.payload).toBe(201);
    const recorded = await administer(s.server, org.nurse, ava.id, rx.missed!, {
      status: 'MISSED',
      administeredAt: new Date().toISOString(),
      scheduledFor: missedSlot,
      reason: 'Student absent this morning',
    });
    expect(recorded.statusCode, recorded.payload).toBe(201);
    // Another organization's doses never show.
    const other = await createStudent(s.server, s.orgB);
    await createPrescription(s.server, s.orgB, other.id);
  });

  it('answers every scheduled dose of today with its status, oldest first', async () => {
    const body = await readRecord(org.nurse);
    expect(body).toMatchObject({ date: localDate(0, timeZone), timeZone, windowMinutes: 60 });
    expect(body.counts).toEqual({
      GIVEN: 1,
      REFUSED: 0,
      MISSED: 1,
      HELD: 0,
      DUE: 1,
      OVERDUE: 1,
      UPCOMING: 1,
    });
    expect(body).toMatchObject({ page: 1, pageSize: 100, total: 5 });
    const statusOf = Object.fromEntries(body.data.map((d) => [d.prescription.id, d.status]));
    expect(statusOf).toEqual({
      [rx.given!]: 'GIVEN',
      [rx.missed!]: 'MISSED',
      [rx.overdue!]: 'OVERDUE',
      [rx.upcoming!]: 'UPCOMING',
      [rx.due!]: 'DUE',
    });
    const times = body.data.map((d) => Date.parse(d.scheduledFor));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(body.data.map((d) => d.prescription.id)[0]).toBe(rx.missed);

    const given = body.data.find((d) => d.prescription.id === rx.given)!;
    expect(given.student).toEqual({
      id: ava.id,
      firstName: 'Ava',
      lastName: ava.lastName,
      schoolId: org.schoolId,
    });
    expect(given.prescription).toMatchObject({
      medication: { name: 'Ibuprofen' },
      dose: '200 mg',
      route: 'ORAL',
    });
    expect(given.administration).toMatchObject({
      status: 'GIVEN',
      administeredBy: { id: org.nurse.id, name: expect.any(String) },
    });
    const missed = body.data.find((d) => d.prescription.id === rx.missed)!;
    expect(missed.scheduledFor).toBe(missedSlot);
    expect(missed.administration).toMatchObject({ status: 'MISSED', reason: 'Student absent this morning' });
    expect(body.data.find((d) => d.prescription.id === rx.due)!.administration).toBeNull();
  });

  it('filters by school, by status, and pages', async () => {
    const second = await readRecord(org.nurse, `schoolId=${schoolB}`);
    expect(second.data.map((d) => d.prescription.id)).toEqual([rx.due]);
    expect(second.data[0]!.student).toMatchObject({ id: ben.id, firstName: 'Ben', schoolId: schoolB });
    expect(second.counts).toMatchObject({ DUE: 1, GIVEN: 0, MISSED: 0 });

    const first = await readRecord(org.nurse, `schoolId=${org.schoolId}`);
    expect(first.total).toBe(4);

    const outstanding = await readRecord(org.nurse, 'status=DUE&status=OVERDUE');
    expect(outstanding.data.map((d) => d.status).sort()).toEqual(['DUE', 'OVERDUE']);
    expect(outstanding.total).toBe(2);
    // The counts still cover the whole day.
    expect(outstanding.counts.GIVEN).toBe(1);

    const page2 = await readRecord(org.nurse, 'pageSize=2&page=2');
    expect(page2).toMatchObject({ page: 2, pageSize: 2, total: 5 });
    const all = await readRecord(org.nurse);
    expect(page2.data.map((d) => d.prescription.id)).toEqual(
      all.data.slice(2, 4).map((d) => d.prescription.id),
    );
  });

  it('shows another day: yesterday’s doses were never recorded, tomorrow’s are not due yet', async () => {
    const yesterday = await readRecord(org.nurse, `date=${localDate(-1, timeZone)}`);
    expect(yesterday.date).toBe(localDate(-1, timeZone));
    expect(yesterday.data).toHaveLength(5);
    expect(new Set(yesterday.data.map((d) => d.status))).toEqual(new Set(['OVERDUE']));
    const tomorrow = await readRecord(org.nurse, `date=${localDate(1, timeZone)}`);
    expect(new Set(tomorrow.data.map((d) => d.status))).toEqual(new Set(['UPCOMING']));
    // Before any prescription started: nothing.
    expect((await readRecord(org.nurse, `date=${localDate(-5, timeZone)}`)).data).toEqual([]);
  });

  it('answers 404 for another organization’s school or an unknown one', async () => {
    for (const schoolId of [s.orgB.schoolId, '7d0f7a3e-5f7e-4f0b-9a52-0a4d2f1c9b11']) {
      const res = await getRecord(org.nurse, `schoolId=${schoolId}`);
      expect(res.statusCode, res.payload).toBe(404);
      expect(JSON.parse(res.payload)).toMatchObject({ message: 'School not found' });
    }
  });

  it('is scoped to the caller’s organization', async () => {
    const theirs = await readRecord(s.orgB.nurse);
    const ours = new Set(Object.values(rx));
    expect(theirs.data.some((d) => ours.has(d.prescription.id))).toBe(false);
  });

  it('lets a viewer read, without the reasons; needs a session', async () => {
    const body = await readRecord(org.viewer);
    expect(body.total).toBe(5);
    const missed = body.data.find((d) => d.prescription.id === rx.missed)!;
    expect(missed.administration).toMatchObject({ status: 'MISSED', reason: null });
    const anonymous = await s.server.inject({ url: '/api/v1/medications/administration-record' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('audits the read', async () => {
    await readRecord(org.admin, `schoolId=${schoolB}`);
    const [rows] = await s.server.app.sequelize.query(
      `SELECT details FROM audit_log WHERE action = 'medication_record.read' AND user_id = :userId`,
      { replacements: { userId: org.admin.id } },
    );
    expect(rows).toHaveLength(1);
    expect((rows as Array<{ details: unknown }>)[0]!.details).toMatchObject({
      schoolId: schoolB,
      resultCount: 1,
      studentIds: [ben.id],
    });
  });

  it('refuses junk queries', async () => {
    for (const q of [
      'date=2026-13-01',
      'date=yesterday',
      'schoolId=abc',
      'status=LATE',
      'pageSize=501',
      'page=0',
      'window=60',
    ]) {
      expect((await getRecord(org.nurse, q)).statusCode, q).toBe(400);
    }
  });
});

describe('the due list', () => {
  it('names the student and filters by school; another organization’s school is a 404', async () => {
    const { org, timeZone, schoolB } = await middayOrganization();
    const ava = await createStudent(s.server, org, { firstName: 'Ava' });
    const ben = await createStudent(s.server, org, { firstName: 'Ben', schoolId: schoolB });
    const schedule = { scheduleTimes: [localTime(0, timeZone)], startDate: localDate(-1, timeZone) };
    const avas = await createPrescription(s.server, org, ava.id, schedule);
    const bens = await createPrescription(s.server, org, ben.id, schedule);
    const due = (query: string) =>
      s.server.inject({ url: `/api/v1/medications/due?${query}`, headers: bearer(org.viewer) });

    const all = await due('');
    expect(all.statusCode, all.payload).toBe(200);
    const rows = JSON.parse(all.payload) as Array<Record<string, unknown>>;
    expect(rows.map((r) => r.prescriptionId).sort()).toEqual([avas.id, bens.id].sort());
    expect(rows.find((r) => r.prescriptionId === bens.id)).toMatchObject({
      studentId: ben.id,
      studentName: `Ben ${ben.lastName}`,
      student: { id: ben.id, firstName: 'Ben', lastName: ben.lastName, schoolId: schoolB },
      status: 'DUE',
    });

    const second = JSON.parse((await due(`schoolId=${schoolB}`)).payload) as Array<{
      prescriptionId: string;
    }>;
    expect(second.map((r) => r.prescriptionId)).toEqual([bens.id]);
    expect((await due(`schoolId=${s.orgB.schoolId}`)).statusCode).toBe(404);
    expect((await due('schoolId=abc')).statusCode).toBe(400);
  });
});

describe('recording a dose against its scheduled slot (scheduledFor)', () => {
  let org: TestOrganization;
  let timeZone: string;

  beforeAll(async () => {
    ({ org, timeZone } = await middayOrganization());
  });

  /** A prescription with doses `offsets` minutes from now, and those doses' instants. */
  async function scheduled(offsets: number[], overrides: Record<string, unknown> = {}) {
    const slots = offsets.map((offset) => slot(offset, timeZone));
    const student = await createStudent(s.server, org);
    const prescription = await createPrescription(s.server, org, student.id, {
      scheduleTimes: slots.map((t) => t.time),
      startDate: localDate(-1, timeZone),
      ...overrides,
    });
    return { studentId: student.id, rx: prescription, at: slots.map((t) => t.instant) };
  }

  const missedAt = (scheduledFor?: string) => ({
    status: 'MISSED',
    administeredAt: new Date().toISOString(),
    reason: 'Student was on a field trip',
    ...(scheduledFor ? { scheduledFor } : {}),
  });

  it('files a dose not given under the slot named, not the nearer later one', async () => {
    // Now is nearer the later dose; without scheduledFor the miss would fill the later slot.
    const { studentId, rx, at } = await scheduled([-100, 20]);
    const [earlier, later] = at as [string, string];
    const res = await administer(s.server, org.nurse, studentId, rx.id, missedAt(earlier));
    expect(res.statusCode, res.payload).toBe(201);
    expect(new Date((res.result as { scheduledFor: Date }).scheduledFor).toISOString()).toBe(earlier);

    const record = await readRecord(org.nurse, 'status=MISSED&status=DUE');
    const mine = record.data.filter((d) => d.prescription.id === rx.id);
    expect(mine.map((d) => [d.scheduledFor, d.status])).toEqual([
      [earlier, 'MISSED'],
      [later, 'DUE'],
    ]);
    const due = await s.server.inject({ url: '/api/v1/medications/due', headers: bearer(org.nurse) });
    const dueSlots = (JSON.parse(due.payload) as Array<{ prescriptionId: string; scheduledFor: string }>)
      .filter((d) => d.prescriptionId === rx.id)
      .map((d) => d.scheduledFor);
    expect(dueSlots).toEqual([later]);
  });

  it('gives a dose in its slot; a second entry for the slot is a 409, a correction of it is not', async () => {
    const { studentId, rx, at } = await scheduled([-10, 120]);
    const now = at[0]!;
    const given = await administer(
      s.server,
      org.nurse,
      studentId,
      rx.id,
      givenPayload({ scheduledFor: now }),
    );
    expect(given.statusCode, given.payload).toBe(201);
    const before = await marState(s.server, rx.id);

    const again = await administer(s.server, org.admin, studentId, rx.id, missedAt(now));
    expect(again.statusCode, again.payload).toBe(409);
    expect(JSON.parse(again.payload).message).toMatch(/already recorded \(GIVEN\).*correct/);
    expect(await marState(s.server, rx.id)).toEqual(before);

    const correction = await administer(s.server, org.nurse, studentId, rx.id, {
      ...missedAt(now),
      status: 'REFUSED',
      correctsAdministrationId: (given.result as { id: string }).id,
    });
    expect(correction.statusCode, correction.payload).toBe(201);
    // The correction gave the dose back to stock.
    expect(await marState(s.server, rx.id)).toEqual({
      administrations: before.administrations + 1,
      dosesOnHand: before.dosesOnHand + 1,
    });
  });

  it('still checks the right time of a given dose against the slot named', async () => {
    const { studentId, rx, at } = await scheduled([-100, 0]);
    const before = await marState(s.server, rx.id);
    const res = await administer(
      s.server,
      org.nurse,
      studentId,
      rx.id,
      givenPayload({ scheduledFor: at[0] }),
    );
    expect(res.statusCode, res.payload).toBe(422);
    expect(JSON.parse(res.payload).message).toMatch(/Right time/);
    expect(await marState(s.server, rx.id)).toEqual(before);
  });

  it('refuses a slot that is not one of the prescription’s (400, nothing written)', async () => {
    const { studentId, rx, at } = await scheduled([-30]);
    const today = at[0]!;
    const startsToday = await scheduled([-30], { startDate: localDate(0, timeZone) });
    const prn = await scheduled([], { scheduleTimes: undefined, prn: true, minIntervalMinutes: 60 });
    const yesterday = dayFrom(today, -1);
    const cases: Array<[string, string, string, RegExp]> = [
      [studentId, rx.id, new Date(Date.parse(today) + 7 * 60_000).toISOString(), /not a scheduled time of/],
      [studentId, rx.id, new Date(Date.parse(today) + 1000).toISOString(), /not a scheduled time/],
      [studentId, rx.id, dayFrom(today, 1), /later day/],
      [
        startsToday.studentId,
        startsToday.rx.id,
        dayFrom(startsToday.at[0]!, -1),
        /outside this prescription/,
      ],
      [prn.studentId, prn.rx.id, today, /as needed \(PRN\)/],
    ];
    for (const [student, prescription, scheduledFor, message] of cases) {
      const before = await marState(s.server, prescription);
      const res = await administer(s.server, org.nurse, student, prescription, missedAt(scheduledFor));
      expect(res.statusCode, `${scheduledFor}: ${res.payload}`).toBe(400);
      expect(JSON.parse(res.payload).message).toMatch(message);
      expect(await marState(s.server, prescription)).toEqual(before);
    }
    // Yesterday's slot of a prescription that ran yesterday is a real one.
    const late = await administer(s.server, org.nurse, studentId, rx.id, missedAt(yesterday));
    expect(late.statusCode, late.payload).toBe(201);
    const junk = await administer(s.server, org.nurse, studentId, rx.id, missedAt('not-a-time'));
    expect(junk.statusCode).toBe(400);
  });

  it('refuses a viewer (403) and another organization’s prescription (404)', async () => {
    const { studentId, rx, at } = await scheduled([0]);
    const scheduledFor = at[0]!;
    expect(
      (await administer(s.server, org.viewer, studentId, rx.id, missedAt(scheduledFor))).statusCode,
    ).toBe(403);
    expect(
      (await administer(s.server, s.orgB.nurse, studentId, rx.id, missedAt(scheduledFor))).statusCode,
    ).toBe(404);
    expect(await marState(s.server, rx.id)).toMatchObject({ administrations: 0 });
  });
});
