/**
 * The immunization-alert job against real Postgres, Redis and sockets: a student newly
 * OVERDUE is reported to each nurse of the organization once (a row and a
 * `health:notification` each), a second run reports nothing, a student falling due again
 * after being compliant is reported again, an exemption expiring within the window is
 * reported once, and the nightly sweep reaches every organization, each hearing only of its
 * own students. Each test makes its own organization, so the job's counts are its own.
 * "Nothing arrived" is checked with a sentinel pushed after the job (a socket receives in order).
 */
import { QueryTypes } from 'sequelize';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getQueueManager } from '../../src/infrastructure/jobs/jobsPlugin.js';
import { JOB_TYPES, type JobInput } from '../../src/infrastructure/jobs/jobTypes.js';
import {
  organizationAlertJobId,
  type ImmunizationAlertSummary,
} from '../../src/infrastructure/jobs/processors/immunizationAlertProcessor.js';
import type { HealthNotificationPayload } from '../../src/infrastructure/websocket/events.js';
import {
  createOrganization,
  createStudent,
  createUser,
  type TestOrganization,
  type TestUser,
} from '../helpers/fixtures.js';
import { recordExemption, updateStudent, utcDateIn } from '../helpers/immunizationFixtures.js';
import { uuid, waitFor } from '../helpers/jobs.js';
import { completedResult, notificationsSettled } from '../helpers/jobRuns.js';
import { startListeningServer, type ListeningTestServer } from '../helpers/listeningServer.js';
import { closeAll, collect, connectSocket, waitUntil, type ClientSocket } from '../helpers/socketClient.js';

let t: ListeningTestServer;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  t = await startListeningServer();
});
afterEach(() => {
  closeAll(sockets);
  sockets.length = 0;
});
afterAll(() => t?.stop());

const queue = () => getQueueManager(t.server).queue(JOB_TYPES.IMMUNIZATION_ALERT);

function finished(id: string): Promise<ImmunizationAlertSummary> {
  return completedResult<ImmunizationAlertSummary>(queue(), id);
}

async function enqueue(data: JobInput<'immunization-alert'>): Promise<string> {
  return getQueueManager(t.server).addJob(JOB_TYPES.IMMUNIZATION_ALERT, data, { jobId: uuid() });
}

const run = async (data: JobInput<'immunization-alert'>) => finished(await enqueue(data));

/** The queue's counts once nothing is waiting, delayed or running. */
async function idleCounts(): Promise<Record<string, number>> {
  const idle = await waitFor(async () => {
    const counts = await queue().getJobCounts('completed', 'waiting', 'delayed', 'active');
    return counts.waiting === 0 && counts.delayed === 0 && counts.active === 0 ? counts : null;
  });
  return idle!;
}

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

interface Row {
  id: string;
  userId: string;
  type: string;
  title: string;
  message: string;
}

function rowsWithKey(pattern: string): Promise<Row[]> {
  return t.server.app.sequelize.query<Row>(
    `SELECT id, user_id AS "userId", type, title, message FROM notifications
      WHERE dedupe_key LIKE :pattern ORDER BY created_at, user_id`,
    { replacements: { pattern }, type: QueryTypes.SELECT },
  );
}

const statusRows = (studentId: string) => rowsWithKey(`immunization-status:${studentId}:%`);
const exemptionRows = (exemptionId: string) =>
  rowsWithKey(`immunization-exemption-expiring:${exemptionId}:%`);

const overdueStudent = (org: TestOrganization) => createStudent(t.server, org, { grade: '4' });
// No series applies before kindergarten: compliant with no history at all.
const compliantStudent = (org: TestOrganization) => createStudent(t.server, org, { grade: 'PK' });

describe('students newly due or overdue', () => {
  it('tells each nurse of the organization once; a second run tells nobody anything', async () => {
    const org = await createOrganization(t.server);
    const elsewhere = await createOrganization(t.server);
    const secondNurse = await createUser(t.server, org.id, 'NURSE');
    const student = await overdueStudent(org);
    const fine = await compliantStudent(org);
    const theirs = await overdueStudent(elsewhere);
    const listeners = await Promise.all([org.nurse, secondNurse, org.admin, elsewhere.nurse].map(listen));
    const [nurse, nurse2, admin, otherNurse] = listeners as [Listener, Listener, Listener, Listener];

    expect(await run({ organizationId: org.id })).toEqual({
      organizations: 1,
      students: 2,
      newlyDue: 0,
      newlyOverdue: 1,
      expiringExemptions: 0,
      notifications: 2,
    });
    const rows = await statusRows(student.id);
    expect(rows.map((r) => r.userId).sort()).toEqual([org.nurse.id, secondNurse.id].sort());
    for (const row of rows) {
      expect(row.type).toBe('IMMUNIZATION_OVERDUE');
      expect(row.title).toContain(student.lastName);
      expect(row.message).toContain('MMR');
    }
    expect(await statusRows(fine.id)).toEqual([]);
    expect(await statusRows(theirs.id)).toEqual([]);
    for (const [listener, row] of [
      [nurse, rows.find((r) => r.userId === org.nurse.id)!],
      [nurse2, rows.find((r) => r.userId === secondNurse.id)!],
    ] as const) {
      await waitUntil(() => listener.notifications.length === 1, 5_000, 'the alert push');
      expect(listener.notifications[0]).toMatchObject({ id: row.id, type: 'IMMUNIZATION_OVERDUE' });
    }

    const again = await run({ organizationId: org.id });
    expect(again).toMatchObject({ students: 2, newlyOverdue: 0, notifications: 0 });
    expect(await statusRows(student.id)).toHaveLength(2);
    for (const listener of listeners) await settled(listener);
    expect(nurse.notifications).toHaveLength(1);
    expect(nurse2.notifications).toHaveLength(1);
    // Nurses only: the admin and the other organization's nurse heard nothing.
    expect(admin.notifications).toEqual([]);
    expect(otherNurse.notifications).toEqual([]);

    const audited = await t.server.app.sequelize.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'immunization.alert' AND entity_id = :id`,
      { replacements: { id: student.id }, type: QueryTypes.SELECT },
    );
    expect(audited[0]!.n).toBe(1);
  });

  it('tells again when a student who became compliant falls due again', async () => {
    const org = await createOrganization(t.server);
    const student = await overdueStudent(org);
    expect(await run({ organizationId: org.id })).toMatchObject({ newlyOverdue: 1, notifications: 1 });

    await updateStudent(t.server, org, student.id, { grade: 'PK' });
    expect(await run({ organizationId: org.id })).toMatchObject({ newlyOverdue: 0, notifications: 0 });
    expect(await statusRows(student.id)).toHaveLength(1);

    await updateStudent(t.server, org, student.id, { grade: '4' });
    expect(await run({ organizationId: org.id })).toMatchObject({ newlyOverdue: 1, notifications: 1 });
    expect(await run({ organizationId: org.id })).toMatchObject({ newlyOverdue: 0, notifications: 0 });
    const rows = await statusRows(student.id);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.userId === org.nurse.id && r.type === 'IMMUNIZATION_OVERDUE')).toBe(true);
  });

  it('reports nothing for a student whose missing series are all exempt', async () => {
    const org = await createOrganization(t.server);
    const student = await createStudent(t.server, org, { grade: 'K' });
    for (const series of ['DTaP', 'Polio', 'MMR', 'HepB', 'Varicella']) {
      await recordExemption(t.server, org, student.id, { series, type: 'MEDICAL', expiresOn: null });
    }
    expect(await run({ organizationId: org.id })).toMatchObject({
      students: 1,
      newlyOverdue: 0,
      newlyDue: 0,
    });
    expect(await statusRows(student.id)).toEqual([]);
  });
});

describe('exemptions expiring soon', () => {
  it('tells each nurse once of an exemption expiring within the window, not of later or renewed ones', async () => {
    const org = await createOrganization(t.server);
    const student = await compliantStudent(org);
    const nurse = await listen(org.nurse);
    const soon = await recordExemption(t.server, org, student.id, {
      series: 'MMR',
      expiresOn: utcDateIn(10),
    });
    const later = await recordExemption(t.server, org, student.id, {
      series: 'Varicella',
      expiresOn: utcDateIn(60),
    });
    // Renewed: a permanent exemption of the same series makes the expiring one moot.
    const renewed = await recordExemption(t.server, org, student.id, {
      series: 'DTaP',
      expiresOn: utcDateIn(5),
    });
    await recordExemption(t.server, org, student.id, { series: 'DTaP', expiresOn: null });

    expect(await run({ organizationId: org.id, daysAhead: 30 })).toMatchObject({
      expiringExemptions: 1,
      notifications: 1,
    });
    const rows = await exemptionRows(soon.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ userId: org.nurse.id, type: 'IMMUNIZATION_EXEMPTION_EXPIRING' });
    expect(rows[0]!.message).toContain(utcDateIn(10));
    // The kind of exemption is nobody else's business.
    expect(rows[0]!.message).not.toContain('RELIGIOUS');
    await waitUntil(() => nurse.notifications.length === 1, 5_000, 'the exemption push');
    expect(nurse.notifications[0]).toMatchObject({ id: rows[0]!.id });
    expect(await exemptionRows(later.id)).toEqual([]);
    expect(await exemptionRows(renewed.id)).toEqual([]);

    expect(await run({ organizationId: org.id, daysAhead: 30 })).toMatchObject({
      expiringExemptions: 0,
      notifications: 0,
    });
    await settled(nurse);
    expect(nurse.notifications).toHaveLength(1);

    // A wider window reaches the later one, and still not the first one twice.
    expect(await run({ organizationId: org.id, daysAhead: 90 })).toMatchObject({ expiringExemptions: 1 });
    expect(await exemptionRows(later.id)).toHaveLength(1);
    expect(await exemptionRows(soon.id)).toHaveLength(1);
  });
});

describe('the nightly sweep', () => {
  it('fans out one job per organization; each organization hears only of its own students', async () => {
    const orgX = await createOrganization(t.server);
    const orgY = await createOrganization(t.server);
    const studentX = await overdueStudent(orgX);
    const studentY = await overdueStudent(orgY);

    const sweepId = await enqueue({});
    const sweep = await finished(sweepId);
    expect(sweep.organizations).toBeGreaterThanOrEqual(2);
    for (const org of [orgX, orgY]) {
      expect(await finished(organizationAlertJobId(sweepId, org.id))).toMatchObject({
        organizations: 1,
        newlyOverdue: 1,
        notifications: 1,
      });
    }
    expect((await statusRows(studentX.id)).map((r) => r.userId)).toEqual([orgX.nurse.id]);
    expect((await statusRows(studentY.id)).map((r) => r.userId)).toEqual([orgY.nurse.id]);

    // A retried sweep enqueues nothing twice: its children keep their ids. The sweep also
    // reached the organizations of earlier tests, so the counts are compared once it is idle.
    const before = await idleCounts();
    await (await queue().getJob(sweepId))!.retry('completed');
    await finished(sweepId);
    expect(await idleCounts()).toEqual(before);
  });
});
