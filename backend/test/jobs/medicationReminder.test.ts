/**
 * The medication-reminder job against real Postgres, Redis and sockets: a dose due now is
 * reminded once (one notification per nurse, one `medication:reminder`), a later dose gets a
 * delayed job at its own time, an administered dose and another organization get nothing.
 * "Nothing arrived" is checked with a sentinel pushed after the job: a socket receives in
 * order, so once the sentinel is in, anything the job sent would be too.
 */
import { QueryTypes } from 'sequelize';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getQueueManager } from '../../src/infrastructure/jobs/jobsPlugin.js';
import { JOB_TYPES, type JobInput } from '../../src/infrastructure/jobs/jobTypes.js';
import type {
  MedicationReminderPayload,
  HealthNotificationPayload,
} from '../../src/infrastructure/websocket/events.js';
import {
  doseJobId,
  type MedicationReminderSummary,
} from '../../src/infrastructure/jobs/processors/medicationReminderProcessor.js';
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
import {
  administer,
  createPrescription,
  givenPayload,
  localTime,
  middayTimeZone,
  setOrganizationTimeZone,
} from '../helpers/medicationFixtures.js';
import { closeAll, collect, connectSocket, type ClientSocket } from '../helpers/socketClient.js';

let t: ListeningTestServer;
let orgA: TestOrganization;
let orgB: TestOrganization;
let secondNurseA: TestUser;
// Around midday in the schools' zone, so "ten minutes ago" and "in half an hour" are today.
const timeZone = middayTimeZone();
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  t = await startListeningServer();
  orgA = await createOrganization(t.server);
  orgB = await createOrganization(t.server);
  secondNurseA = await createUser(t.server, orgA.id, 'NURSE');
  for (const org of [orgA, orgB]) await setOrganizationTimeZone(t.server, org.id, timeZone);
});
afterEach(() => {
  closeAll(sockets);
  sockets.length = 0;
});
afterAll(() => t?.stop());

const queues = () => getQueueManager(t.server);
const reminderQueue = () => queues().queue(JOB_TYPES.MEDICATION_REMINDER);

function finished(id: string): Promise<MedicationReminderSummary> {
  return completedResult<MedicationReminderSummary>(reminderQueue(), id);
}

async function run(data: JobInput<'medication-reminder'>): Promise<MedicationReminderSummary> {
  return finished(await queues().addJob(JOB_TYPES.MEDICATION_REMINDER, data));
}

interface Listener {
  user: TestUser;
  socket: ClientSocket;
  reminders: MedicationReminderPayload[];
  notifications: HealthNotificationPayload[];
}

async function listen(user: TestUser): Promise<Listener> {
  const socket = await connectSocket(t.url, user.token);
  sockets.push(socket);
  return {
    user,
    socket,
    reminders: collect(socket, 'medication:reminder'),
    notifications: collect(socket, 'health:notification'),
  };
}

/** Pushes a sentinel to the user and waits for it: everything sent before it has arrived. */
function settled(listener: Listener): Promise<void> {
  return notificationsSettled(t.server, listener);
}

async function reminderRows(prescriptionId: string) {
  return t.server.app.sequelize.query<{ userId: string; type: string; title: string; message: string }>(
    `SELECT user_id AS "userId", type, title, message FROM notifications
      WHERE dedupe_key LIKE :key ORDER BY user_id`,
    { replacements: { key: `medication-reminder:${prescriptionId}:%` }, type: QueryTypes.SELECT },
  );
}

/** "HH:MM" of an instant in the schools' zone. */
const wallClock = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(iso),
  );

async function prescribe(org: TestOrganization, scheduleTimes: string[]) {
  const student = await createStudent(t.server, org);
  const prescription = await createPrescription(t.server, org, student.id, { scheduleTimes });
  return { student, prescription, studentName: `${student.firstName} ${student.lastName}` };
}

describe('a dose due now', () => {
  it('notifies each nurse once and broadcasts one reminder; a second run does neither', async () => {
    const slot = localTime(-10, timeZone);
    const { student, prescription, studentName } = await prescribe(orgA, [slot]);
    const nurse = await listen(orgA.nurse);
    const admin = await listen(orgA.admin);
    const otherOrg = await listen(orgB.nurse);

    const first = await run({ organizationId: orgA.id, windowMinutes: 60 });
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    const rows = await reminderRows(prescription.id);
    expect(rows.map((r) => r.userId)).toEqual([orgA.nurse.id, secondNurseA.id].sort());
    expect(rows[0]).toMatchObject({ type: 'MEDICATION_REMINDER', title: `Medication due: ${studentName}` });
    expect(rows[0]!.message).toContain('Ibuprofen 200 mg');
    expect(rows[0]!.message).toContain(slot);

    await Promise.all([settled(nurse), settled(admin), settled(otherOrg)]);
    const mine = (l: Listener) => l.reminders.filter((r) => r.studentId === student.id);
    expect(mine(nurse)).toHaveLength(1);
    const reminder = mine(nurse)[0]!;
    expect(reminder).toEqual({
      studentId: student.id,
      studentName,
      medication: 'Ibuprofen 200 mg',
      dose: '200 mg',
      dueAt: reminder.dueAt,
    });
    expect(wallClock(reminder.dueAt)).toBe(slot);
    // The reminder goes to the whole organization; the notification only to its nurses.
    expect(mine(admin)).toHaveLength(1);
    expect(nurse.notifications.filter((n) => n.type === 'MEDICATION_REMINDER')).toHaveLength(1);
    expect(admin.notifications).toHaveLength(0);

    const second = await run({ organizationId: orgA.id, windowMinutes: 60 });
    expect(second.reminded).toBe(0);
    await Promise.all([settled(nurse), settled(otherOrg)]);
    expect(await reminderRows(prescription.id)).toHaveLength(2);
    expect(mine(nurse)).toHaveLength(1);
    expect(nurse.notifications.filter((n) => n.type === 'MEDICATION_REMINDER')).toHaveLength(1);

    expect(otherOrg.reminders).toHaveLength(0);
    expect(otherOrg.notifications).toHaveLength(0);
  });

  it('does not remind a dose that was already given', async () => {
    const { student, prescription } = await prescribe(orgA, [localTime(-5, timeZone)]);
    const given = await administer(t.server, orgA.nurse, student.id, prescription.id, givenPayload());
    expect(given.statusCode, given.payload).toBe(201);
    const nurse = await listen(orgA.nurse);

    await run({ organizationId: orgA.id, windowMinutes: 60 });
    await settled(nurse);
    expect(await reminderRows(prescription.id)).toHaveLength(0);
    expect(nurse.reminders.filter((r) => r.studentId === student.id)).toHaveLength(0);
  });
});

describe('a dose later in the window', () => {
  it('gets one delayed job at its scheduled time, which reminds it then, once', async () => {
    const slot = localTime(30, timeZone);
    const { student, prescription } = await prescribe(orgA, [slot]);
    const nurse = await listen(orgA.nurse);

    const sweep = await run({ organizationId: orgA.id, windowMinutes: 60 });
    expect(sweep.scheduled).toBeGreaterThanOrEqual(1);
    await settled(nurse);
    expect(await reminderRows(prescription.id)).toHaveLength(0);

    const delayed = (await reminderQueue().getDelayed()).filter(
      (job) => job.data.dose?.prescriptionId === prescription.id,
    );
    expect(delayed).toHaveLength(1);
    const job = delayed[0]!;
    const scheduledFor = new Date(job.data.dose!.scheduledFor);
    expect(job.id).toBe(doseJobId(prescription.id, scheduledFor));
    expect(wallClock(scheduledFor.toISOString())).toBe(slot);
    // It falls due at the slot, not now: the delay runs from when it was added to the slot's
    // minute (the margin only absorbs the moment between the sweep's clock and the add).
    expect(Math.abs(job.timestamp + job.opts.delay! - scheduledFor.getTime())).toBeLessThan(60_000);

    // A second sweep within the period enqueues the same slot under the same id: still one job.
    await run({ organizationId: orgA.id, windowMinutes: 60 });
    expect(
      (await reminderQueue().getDelayed()).filter((j) => j.data.dose?.prescriptionId === prescription.id),
    ).toHaveLength(1);

    // Its time has come.
    await job.promote();
    expect((await finished(job.id!)).reminded).toBe(1);
    await settled(nurse);
    expect(await reminderRows(prescription.id)).toHaveLength(2);
    expect(nurse.reminders.filter((r) => r.studentId === student.id)).toHaveLength(1);

    // The same slot again (a retry, or a sweep after its time): nobody is told twice.
    const again = await run({
      organizationId: orgA.id,
      windowMinutes: 60,
      dose: { prescriptionId: prescription.id, scheduledFor: scheduledFor.toISOString() },
    });
    expect(again.reminded).toBe(0);
    await settled(nurse);
    expect(await reminderRows(prescription.id)).toHaveLength(2);
    expect(nurse.reminders.filter((r) => r.studentId === student.id)).toHaveLength(1);
  });

  it('reminds nothing when the dose was given before its time came', async () => {
    const { student, prescription } = await prescribe(orgA, [localTime(20, timeZone)]);
    await run({ organizationId: orgA.id, windowMinutes: 60 });
    const job = (await reminderQueue().getDelayed()).find(
      (j) => j.data.dose?.prescriptionId === prescription.id,
    )!;
    const given = await administer(t.server, orgA.nurse, student.id, prescription.id, givenPayload());
    expect(given.statusCode, given.payload).toBe(201);
    const nurse = await listen(orgA.nurse);

    await job.promote();
    expect((await finished(job.id!)).reminded).toBe(0);
    await settled(nurse);
    expect(await reminderRows(prescription.id)).toHaveLength(0);
    expect(nurse.reminders.filter((r) => r.studentId === student.id)).toHaveLength(0);
  });
});

describe('the sweep of every organization', () => {
  it('fans out one job per organization, and only that organization is told of its doses', async () => {
    const orgC = await createOrganization(t.server);
    await setOrganizationTimeZone(t.server, orgC.id, timeZone);
    const { student, prescription } = await prescribe(orgC, [localTime(-15, timeZone)]);
    const nurseC = await listen(orgC.nurse);
    const nurseB = await listen(orgB.nurse);

    const parentId = await queues().addJob(JOB_TYPES.MEDICATION_REMINDER, { windowMinutes: 60 });
    const parent = await finished(parentId);
    expect(parent.organizations).toBe(2); // orgA and orgC hold prescriptions, orgB none
    const child = await finished(`sweep-${parentId}-${orgC.id}`);
    expect(child.reminded).toBe(1);

    await Promise.all([settled(nurseC), settled(nurseB)]);
    expect((await reminderRows(prescription.id)).map((r) => r.userId)).toEqual([orgC.nurse.id]);
    expect(nurseC.reminders.map((r) => r.studentId)).toEqual([student.id]);
    // orgB has no prescriptions: no job of its own, and nothing of anybody else's.
    expect(await reminderQueue().getJob(`sweep-${parentId}-${orgB.id}`)).toBeUndefined();
    expect(nurseB.reminders).toHaveLength(0);
    expect(nurseB.notifications).toHaveLength(0);
  });
});

describe('payloads', () => {
  it('refuses a single-dose job without its organization', async () => {
    await expect(
      queues().addJob(JOB_TYPES.MEDICATION_REMINDER, {
        windowMinutes: 60,
        dose: { prescriptionId: uuid(), scheduledFor: new Date().toISOString() },
      }),
    ).rejects.toMatchObject({ statusCode: 400 });
  });
});
