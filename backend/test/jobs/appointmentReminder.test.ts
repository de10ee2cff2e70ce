/**
 * The appointment-reminder job against real Postgres, Redis and sockets: booking a slot puts
 * a delayed job 24 h before it, a reschedule moves that job and a cancel removes it; the job
 * tells the appointment's nurse once (a row, a `health:notification`, reminder_sent_at) and a
 * second run tells nobody anything. "Nothing arrived" is checked with a sentinel pushed after
 * the job: a socket receives in order, so once the sentinel is in, anything sent before is too.
 */
import { QueryTypes } from 'sequelize';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getQueueManager } from '../../src/infrastructure/jobs/jobsPlugin.js';
import { JOB_TYPES, type JobInput } from '../../src/infrastructure/jobs/jobTypes.js';
import type { AppointmentReminderResult } from '../../src/infrastructure/jobs/processors/appointmentReminderProcessor.js';
import type { HealthNotificationPayload } from '../../src/infrastructure/websocket/events.js';
import { appointmentReminderKey, reminderJobId } from '../../src/modules/appointments/index.js';
import {
  bookAppointment,
  changeAppointment,
  DAY_MS,
  HOUR_MS,
  slotIn,
  type BookedAppointment,
} from '../helpers/appointmentFixtures.js';
import {
  createOrganization,
  createStudent,
  createUser,
  type TestOrganization,
  type TestUser,
} from '../helpers/fixtures.js';
import { uuid } from '../helpers/jobs.js';
import { completedResult, notificationsSettled } from '../helpers/jobRuns.js';
import { startListeningServer, type ListeningTestServer } from '../helpers/listeningServer.js';
import { ownRedis, type OwnRedis } from '../helpers/redisServer.js';
import { closeAll, collect, connectSocket, waitUntil, type ClientSocket } from '../helpers/socketClient.js';
import { startTestServer, type TestServer } from '../helpers/testServer.js';

let t: ListeningTestServer;
let org: TestOrganization;
let other: TestOrganization;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  t = await startListeningServer();
  org = await createOrganization(t.server);
  other = await createOrganization(t.server);
});
afterEach(() => {
  closeAll(sockets);
  sockets.length = 0;
});
afterAll(() => t?.stop());

const queue = () => getQueueManager(t.server).queue(JOB_TYPES.APPOINTMENT_REMINDER);
const reminderJob = (appointmentId: string) => queue().getJob(reminderJobId(appointmentId));

/** When the delayed job becomes due, as BullMQ computes it. */
async function firesAt(appointmentId: string): Promise<number> {
  const job = await reminderJob(appointmentId);
  expect(job, 'the reminder job').toBeDefined();
  expect(await job!.getState()).toBe('delayed');
  return job!.timestamp + job!.delay;
}

function finished(id: string): Promise<AppointmentReminderResult> {
  return completedResult<AppointmentReminderResult>(queue(), id);
}

/** Runs the job now, under an id of its own (the appointment's own id may be taken). */
async function run(data: JobInput<'appointment-reminder'>): Promise<AppointmentReminderResult> {
  return finished(
    await getQueueManager(t.server).addJob(JOB_TYPES.APPOINTMENT_REMINDER, data, { jobId: uuid() }),
  );
}

const reminderOf = (a: BookedAppointment) => ({
  organizationId: a.organizationId,
  appointmentId: a.id,
  startsAt: a.startsAt.toISOString(),
});

interface Listener {
  user: TestUser;
  notifications: HealthNotificationPayload[];
}

async function listen(user: TestUser): Promise<Listener> {
  const socket = await connectSocket(t.url, user.token);
  sockets.push(socket);
  return { user, notifications: collect(socket, 'health:notification') };
}

/** Pushes a sentinel to the user and waits for it: everything sent before it has arrived. */
function settled(listener: Listener): Promise<void> {
  return notificationsSettled(t.server, listener);
}

async function reminderRows(appointmentId: string) {
  return t.server.app.sequelize.query<{
    id: string;
    userId: string;
    type: string;
    title: string;
    message: string;
  }>(
    `SELECT id, user_id AS "userId", type, title, message FROM notifications
      WHERE dedupe_key LIKE :key ORDER BY created_at`,
    { replacements: { key: `appointment-reminder:${appointmentId}:%` }, type: QueryTypes.SELECT },
  );
}

async function reminderSentAt(appointmentId: string): Promise<Date | null> {
  const [row] = await t.server.app.sequelize.query<{ sentAt: Date | null }>(
    'SELECT reminder_sent_at AS "sentAt" FROM appointments WHERE id = :appointmentId',
    { replacements: { appointmentId }, type: QueryTypes.SELECT },
  );
  return row!.sentAt;
}

describe('the reminder job follows its appointment', () => {
  it('is delayed until 24 h before the slot, moves with a reschedule and goes with a cancel', async () => {
    const student = await createStudent(t.server, org);
    const booked = await bookAppointment(t.server, org.nurse, {
      studentId: student.id,
      startsAt: slotIn(3 * DAY_MS),
    });
    expect(booked.reminderDueAt!.getTime()).toBe(booked.startsAt.getTime() - DAY_MS);
    // BullMQ stamps the job a moment after the delay was computed: within a second of due.
    expect(Math.abs((await firesAt(booked.id)) - booked.reminderDueAt!.getTime())).toBeLessThan(1_000);
    expect((await reminderJob(booked.id))!.data).toEqual(reminderOf(booked));

    const moved = await changeAppointment(t.server, org.nurse, booked.id, { startsAt: slotIn(4 * DAY_MS) });
    expect(moved.reminderDueAt!.getTime()).toBe(moved.startsAt.getTime() - DAY_MS);
    expect(Math.abs((await firesAt(booked.id)) - moved.reminderDueAt!.getTime())).toBeLessThan(1_000);
    expect((await reminderJob(booked.id))!.data).toEqual(reminderOf(moved));

    // Less than a day away: no reminder is owed, and the job goes.
    const soon = await changeAppointment(t.server, org.nurse, booked.id, { startsAt: slotIn(2 * HOUR_MS) });
    expect(soon.reminderDueAt).toBeNull();
    expect(await reminderJob(booked.id)).toBeUndefined();

    const later = await changeAppointment(t.server, org.nurse, booked.id, { startsAt: slotIn(5 * DAY_MS) });
    expect(Math.abs((await firesAt(booked.id)) - later.reminderDueAt!.getTime())).toBeLessThan(1_000);

    const cancelled = await changeAppointment(t.server, org.nurse, booked.id, { status: 'CANCELLED' });
    expect(cancelled).toMatchObject({ status: 'CANCELLED', reminderDueAt: null });
    expect(await reminderJob(booked.id)).toBeUndefined();
  });

  it('puts no job for a slot less than a day away, nor for a notes-only change', async () => {
    const student = await createStudent(t.server, org);
    const soon = await bookAppointment(t.server, org.nurse, {
      studentId: student.id,
      startsAt: slotIn(3 * HOUR_MS),
    });
    expect(soon.reminderDueAt).toBeNull();
    expect(await reminderJob(soon.id)).toBeUndefined();

    const booked = await bookAppointment(t.server, org.nurse, {
      studentId: student.id,
      startsAt: slotIn(2 * DAY_MS),
    });
    const before = await firesAt(booked.id);
    await changeAppointment(t.server, org.nurse, booked.id, { notes: 'Bring the glasses.' });
    expect(await firesAt(booked.id)).toBe(before);
  });

  it('refuses (422) to reschedule a cancelled visit, and (409) into a clash, changing nothing', async () => {
    const student = await createStudent(t.server, org);
    const first = await bookAppointment(t.server, org.nurse, {
      studentId: student.id,
      startsAt: slotIn(6 * DAY_MS),
    });
    const second = await bookAppointment(t.server, org.nurse, {
      studentId: student.id,
      startsAt: slotIn(6 * DAY_MS),
    });
    const patch = (id: string, payload: object) =>
      t.server.inject({
        method: 'PATCH',
        url: `/api/v1/appointments/${id}`,
        headers: { authorization: `Bearer ${org.nurse.token}` },
        payload,
      });
    expect((await patch(second.id, { startsAt: first.startsAt.toISOString() })).statusCode).toBe(409);
    expect(Math.abs((await firesAt(second.id)) - second.reminderDueAt!.getTime())).toBeLessThan(1_000);
    await changeAppointment(t.server, org.nurse, second.id, { status: 'CANCELLED' });
    const reopened = await patch(second.id, { startsAt: slotIn(7 * DAY_MS).toISOString() });
    expect(reopened.statusCode).toBe(422);
    expect(await reminderJob(second.id)).toBeUndefined();
    // Moving within its own slot's span is not a clash with itself.
    const nudged = await changeAppointment(t.server, org.nurse, first.id, {
      startsAt: new Date(first.startsAt.getTime() + 5 * 60_000),
    });
    expect(nudged.startsAt.getTime()).toBe(first.startsAt.getTime() + 5 * 60_000);
  });
});

describe('the reminder', () => {
  it("tells the appointment's nurse once: a row, a socket event and reminder_sent_at; a second run adds nothing", async () => {
    const visitingNurse = await createUser(t.server, org.id, 'NURSE');
    const student = await createStudent(t.server, org);
    const booked = await bookAppointment(t.server, org.nurse, {
      studentId: student.id,
      startsAt: slotIn(3 * DAY_MS),
      nurseId: visitingNurse.id,
    });
    const nurse = await listen(visitingNurse);
    const bystander = await listen(org.nurse);

    await (await reminderJob(booked.id))!.promote();
    expect(await finished(reminderJobId(booked.id))).toEqual({ outcome: 'SENT' });

    const rows = await reminderRows(booked.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ userId: visitingNurse.id, type: 'APPOINTMENT_REMINDER' });
    expect(rows[0]!.title).toContain(student.lastName);
    await waitUntil(() => nurse.notifications.length === 1, 5_000, 'the reminder push');
    expect(nurse.notifications[0]).toMatchObject({ id: rows[0]!.id, type: 'APPOINTMENT_REMINDER' });
    expect(await reminderSentAt(booked.id)).toBeInstanceOf(Date);

    expect(await run(reminderOf(booked))).toEqual({ outcome: 'ALREADY_SENT' });
    expect(await reminderRows(booked.id)).toHaveLength(1);
    await settled(nurse);
    await settled(bystander);
    expect(nurse.notifications).toHaveLength(1);
    expect(bystander.notifications).toEqual([]);

    const audited = await t.server.app.sequelize.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'appointment.reminder' AND entity_id = :id`,
      { replacements: { id: booked.id }, type: QueryTypes.SELECT },
    );
    expect(audited[0]!.n).toBe(1);
  });

  it('ignores a job naming a slot the appointment has moved away from; the new slot is reminded', async () => {
    const student = await createStudent(t.server, org);
    const booked = await bookAppointment(t.server, org.nurse, {
      studentId: student.id,
      startsAt: slotIn(3 * DAY_MS),
    });
    const moved = await changeAppointment(t.server, org.nurse, booked.id, { startsAt: slotIn(4 * DAY_MS) });
    expect(await run(reminderOf(booked))).toEqual({ outcome: 'MOVED' });
    expect(await reminderRows(booked.id)).toEqual([]);
    expect(await run(reminderOf(moved))).toEqual({ outcome: 'SENT' });
    const rows = await t.server.app.sequelize.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM notifications WHERE dedupe_key = :key',
      { replacements: { key: appointmentReminderKey(moved.id, moved.startsAt) }, type: QueryTypes.SELECT },
    );
    expect(rows[0]!.n).toBe(1);
  });

  it("reminds nobody of a cancelled appointment, or of another organization's", async () => {
    const student = await createStudent(t.server, org);
    const booked = await bookAppointment(t.server, org.nurse, {
      studentId: student.id,
      startsAt: slotIn(3 * DAY_MS),
    });
    expect(await run({ ...reminderOf(booked), organizationId: other.id })).toEqual({ outcome: 'NOT_FOUND' });
    await changeAppointment(t.server, org.nurse, booked.id, { status: 'CANCELLED' });
    expect(await run(reminderOf(booked))).toEqual({ outcome: 'NOT_SCHEDULED' });
    expect(await reminderRows(booked.id)).toEqual([]);
    expect(await reminderSentAt(booked.id)).toBeNull();
  });

  it('a reschedule after the reminder went out owes a reminder for the new slot', async () => {
    const student = await createStudent(t.server, org);
    const booked = await bookAppointment(t.server, org.nurse, {
      studentId: student.id,
      startsAt: slotIn(3 * DAY_MS),
    });
    expect(await run(reminderOf(booked))).toEqual({ outcome: 'SENT' });
    const moved = await changeAppointment(t.server, org.nurse, booked.id, { startsAt: slotIn(5 * DAY_MS) });
    expect(moved.reminderSentAt).toBeNull();
    // The completed job of the old slot was replaced by a delayed one for the new slot.
    expect((await reminderJob(booked.id))!.data).toEqual(reminderOf(moved));
    expect(await run(reminderOf(moved))).toEqual({ outcome: 'SENT' });
    expect(await reminderRows(booked.id)).toHaveLength(2);
  });
});

describe('the catch-up sweep', () => {
  it('sends, once, a due reminder whose job never reached Redis, within the organization asked', async () => {
    const student = await createStudent(t.server, org);
    const booked = await bookAppointment(t.server, org.nurse, {
      studentId: student.id,
      startsAt: slotIn(3 * DAY_MS),
    });
    // As if Redis had refused the job, and the day before the visit has come.
    await (await reminderJob(booked.id))!.remove();
    await t.server.app.sequelize.query(
      `UPDATE appointments SET starts_at = now() + interval '23 hours',
              reminder_due_at = now() - interval '1 hour' WHERE id = :id`,
      { replacements: { id: booked.id } },
    );
    expect(await run({ organizationId: other.id })).toEqual({ sent: 0 });
    expect(await run({})).toEqual({ sent: 1 });
    expect(await reminderRows(booked.id)).toHaveLength(1);
    expect(await reminderSentAt(booked.id)).toBeInstanceOf(Date);
    expect(await run({})).toEqual({ sent: 0 });
    expect(await reminderRows(booked.id)).toHaveLength(1);
  });
});

describe('while Redis refuses the job', () => {
  // A redis-server of this test's own, stopped on purpose: never the shared one.
  let redis: OwnRedis;
  let down: TestServer;
  let downOrg: TestOrganization;
  beforeAll(async () => {
    redis = await ownRedis();
    down = await startTestServer({ REDIS_URL: redis.url });
    downOrg = await createOrganization(down.server);
  });
  afterAll(async () => {
    await down?.stop();
    await redis?.destroy();
  });

  it('still books the appointment (201) with its reminder due, for the catch-up sweep', async () => {
    const student = await createStudent(down.server, downOrg);
    const warnings: string[] = [];
    down.server.events.on('log', (event) => {
      if (event.tags.includes('appointments')) warnings.push(String(event.data));
    });
    await redis.stop();
    try {
      const booked = await bookAppointment(down.server, downOrg.nurse, {
        studentId: student.id,
        startsAt: slotIn(3 * DAY_MS),
      });
      expect(booked.reminderDueAt!.getTime()).toBe(booked.startsAt.getTime() - DAY_MS);
      const [row] = await down.server.app.sequelize.query<{ status: string; sentAt: Date | null }>(
        'SELECT status, reminder_sent_at AS "sentAt" FROM appointments WHERE id = :id',
        { replacements: { id: booked.id }, type: QueryTypes.SELECT },
      );
      expect(row).toEqual({ status: 'SCHEDULED', sentAt: null });
      // The warning names the appointment only: nothing about the student or the visit.
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(booked.id);
      expect(warnings[0]).not.toContain(student.lastName);
    } finally {
      await redis.start();
    }
  });
});
