/**
 * The roster sync end to end against the OneRoster simulator (port 0) and a listening server
 * whose workers run the sis-sync job: the first sync creates the roster's students; after the
 * SIS changes one and removes one, the next sync updates one, deactivates one and creates
 * none; a full roster deactivates the students it no longer lists; the admin route queues the
 * job and the admin's socket hears its progress and its end; an outage mid-sync fails the run
 * visibly and leaves every page either whole or untouched.
 * The simulator's roster is shared by the file's tests, so they run in order, each with its own
 * organization.
 */
import { QueryTypes } from 'sequelize';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env.js';
import { getQueueManager } from '../../src/infrastructure/jobs/jobsPlugin.js';
import { JOB_TYPES } from '../../src/infrastructure/jobs/jobTypes.js';
import { recurringSweeps } from '../../src/infrastructure/jobs/schedules.js';
import { IntegrationUnavailable } from '../../src/integrations/clients/integrationErrors.js';
import { startSimulators, type RunningSimulators } from '../../src/integrations/simulators/index.js';
import type { User } from '../../src/integrations/simulators/oneRosterData.js';
import type { SisSyncService } from '../../src/modules/sis/index.js';
import { bearer, createOrganization, type TestOrganization } from '../helpers/fixtures.js';
import { waitFor } from '../helpers/jobs.js';
import { startListeningServer, type ListeningTestServer } from '../helpers/listeningServer.js';
import {
  closeAll,
  collect,
  connectSocket,
  waitForEvent,
  type ClientSocket,
} from '../helpers/socketClient.js';
import { startTestServer } from '../helpers/testServer.js';

const PAGE_SIZE = 20;
const JOB_TIMEOUT_MS = 30_000;

let sims: RunningSimulators;
let t: ListeningTestServer;
const opened: ClientSocket[] = [];

beforeAll(async () => {
  sims = await startSimulators();
  t = await startListeningServer({
    SIS_API_URL: sims.urls.sis,
    SIS_CLIENT_ID: sims.credentials.sis.clientId,
    SIS_CLIENT_SECRET: sims.credentials.sis.clientSecret,
    SIS_PAGE_SIZE: String(PAGE_SIZE),
    SIS_RATE_LIMIT_PER_SECOND: '1000',
    INTEGRATION_RETRIES: '1',
    INTEGRATION_RETRY_DELAY_MS: '10',
    // The outage test fails a handful of requests; the circuit must stay closed for the next test.
    INTEGRATION_CIRCUIT_FAILURES: '50',
  });
});
afterEach(() => sims.oneRoster.server.faults.reset());
afterAll(async () => {
  closeAll(opened);
  await t?.stop();
  await sims?.stop();
});

const sis = (): SisSyncService => t.server.plugins.sis.service;
const roster = () => sims.oneRoster.roster;
const activeRoster = () => roster().data.users.filter((u) => u.status === 'active');

interface StudentRow {
  id: string;
  sourcedId: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  grade: string;
  gender: string | null;
  studentNumber: string | null;
  schoolSourcedId: string | null;
  isActive: boolean;
}

function query<T extends object>(sql: string, replacements: Record<string, unknown>): Promise<T[]> {
  return t.server.app.sequelize.query<T>(sql, { replacements, type: QueryTypes.SELECT });
}

const studentsOf = (organizationId: string) =>
  query<StudentRow>(
    `SELECT s.id, s.sis_sourced_id AS "sourcedId", s.first_name AS "firstName", s.last_name AS "lastName",
            to_char(s.date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth", s.grade, s.gender,
            s.student_number AS "studentNumber", sc.sis_sourced_id AS "schoolSourcedId", s.is_active AS "isActive"
       FROM students s LEFT JOIN schools sc ON sc.id = s.school_id
      WHERE s.organization_id = :organizationId`,
    { organizationId },
  ).then((rows) => rows.sort(bySourcedId));

const runsOf = (organizationId: string) =>
  query<{
    status: string;
    mode: string;
    created: number;
    updated: number;
    deactivated: number;
    error: string | null;
  }>(
    `SELECT status, mode, created, updated, deactivated, error FROM sis_sync_runs
      WHERE organization_id = :organizationId ORDER BY started_at`,
    { organizationId },
  );

const auditCount = (organizationId: string, action: string) =>
  query<{ n: number }>(
    'SELECT count(*)::int AS n FROM audit_log WHERE organization_id = :organizationId AND action = :action',
    { organizationId, action },
  ).then(([row]) => row?.n ?? 0);

const bySourcedId = (a: { sourcedId: string }, b: { sourcedId: string }) =>
  a.sourcedId.localeCompare(b.sourcedId);

/** What the SIS holds for a student, in our terms. */
function expectedRow(user: User) {
  const demographics = roster().data.demographics.find((d) => d.sourcedId === user.sourcedId)!;
  const grade = user.grades[0]!;
  return {
    sourcedId: user.sourcedId,
    firstName: user.givenName,
    lastName: user.familyName,
    dateOfBirth: demographics.birthDate,
    grade: grade === 'KG' ? 'K' : grade === 'PK' ? 'PK' : String(Number(grade)),
    gender: demographics.sex === 'female' ? 'F' : 'M',
    studentNumber: user.identifier,
    schoolSourcedId: user.orgs[0]!.sourcedId,
    isActive: true,
  };
}

describe('syncing the roster into students', () => {
  let org: TestOrganization;
  beforeAll(async () => {
    org = await createOrganization(t.server);
  });

  it("creates the roster's students on the first sync (a delta with no earlier run reads everything)", async () => {
    const expected = activeRoster().map(expectedRow);

    const summary = await sis().syncStudents(org.id, { mode: 'delta' });

    expect(summary).toMatchObject({ mode: 'full', created: expected.length, updated: 0, deactivated: 0 });
    const rows = await studentsOf(org.id);
    expect(rows.map(({ id: _id, ...row }) => row)).toEqual(expected.sort(bySourcedId));
    expect(rows.map((r) => r.grade)).toEqual(expect.arrayContaining(['K', '1', '9', '12']));
    expect(await runsOf(org.id)).toEqual([
      expect.objectContaining({ status: 'succeeded', mode: 'full', created: expected.length, error: null }),
    ]);
    expect(await auditCount(org.id, 'student.sis.create')).toBe(expected.length);
  });

  it('updates the changed student, deactivates the removed one and creates none on the next delta', async () => {
    const [changed, removed] = activeRoster();
    roster().modifyStudent(changed!.sourcedId, {
      givenName: 'Renamed',
      grade: '03',
      birthDate: '2016-02-29',
    });
    roster().removeStudent(removed!.sourcedId);
    const before = await studentsOf(org.id);

    const summary = await sis().syncStudents(org.id, { mode: 'delta' });

    expect(summary).toMatchObject({ mode: 'delta', created: 0, updated: 1, deactivated: 1, unchanged: 0 });
    const after = await studentsOf(org.id);
    expect(after).toHaveLength(before.length);
    const byId = new Map(after.map((r) => [r.sourcedId, r]));
    expect(byId.get(changed!.sourcedId)).toMatchObject({
      firstName: 'Renamed',
      grade: '3',
      dateOfBirth: '2016-02-29',
      isActive: true,
    });
    expect(byId.get(removed!.sourcedId)).toMatchObject({ isActive: false });
    expect(after.filter((r) => r.isActive)).toHaveLength(activeRoster().length);
    // Everything else is as it was.
    const untouched = (rows: StudentRow[]) =>
      rows.filter((r) => r.sourcedId !== changed!.sourcedId && r.sourcedId !== removed!.sourcedId);
    expect(untouched(after)).toEqual(untouched(before));
    expect(await auditCount(org.id, 'student.sis.update')).toBe(1);
    expect(await auditCount(org.id, 'student.sis.deactivate')).toBe(1);
  });

  it('finds nothing to do in a full roster that matches, and deactivates a student the SIS stopped listing', async () => {
    const unchanged = await sis().syncStudents(org.id, { mode: 'full' });
    expect(unchanged).toMatchObject({ mode: 'full', created: 0, updated: 0, deactivated: 0 });
    // Every record of the roster lands in exactly one count (the removed one is already inactive).
    expect(unchanged.unchanged).toBe(roster().data.users.length);

    const vanished = roster().addStudent({ givenName: 'Brief', familyName: 'Enrollment', grade: '05' });
    expect(await sis().syncStudents(org.id, { mode: 'delta' })).toMatchObject({ created: 1, deactivated: 0 });
    roster().data.users.splice(roster().data.users.indexOf(vanished), 1);

    const full = await sis().syncStudents(org.id, { mode: 'full' });

    expect(full).toMatchObject({ created: 0, updated: 0, deactivated: 1 });
    const row = (await studentsOf(org.id)).find((r) => r.sourcedId === vanished.sourcedId);
    expect(row).toMatchObject({ isActive: false, firstName: 'Brief' });
  });

  it('adopts a student entered by hand whose student number the SIS sends, instead of a duplicate', async () => {
    const other = await createOrganization(t.server);
    const [sisStudent] = activeRoster();
    const res = await t.server.inject({
      method: 'POST',
      url: '/api/v1/students',
      headers: bearer(other.nurse),
      payload: {
        firstName: 'Typed',
        lastName: 'ByHand',
        dateOfBirth: '2015-01-01',
        grade: '4',
        studentNumber: sisStudent!.identifier,
      },
    });
    expect(res.statusCode, res.payload).toBe(201);
    const handEntered = (res.result as { id: string }).id;

    const summary = await sis().syncStudents(other.id, { mode: 'full' });

    expect(summary.created).toBe(activeRoster().length - 1);
    expect(summary.updated).toBe(1);
    const adopted = (await studentsOf(other.id)).find((r) => r.id === handEntered);
    expect(adopted).toMatchObject({ ...expectedRow(sisStudent!), id: handEntered });
  });

  it('lets one sync of an organization run at a time', async () => {
    const other = await createOrganization(t.server);

    const results = await Promise.allSettled([
      sis().syncStudents(other.id, { mode: 'full' }),
      sis().syncStudents(other.id, { mode: 'full' }),
    ]);

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected');
    expect(refused?.reason).toMatchObject({
      statusCode: 409,
      message: expect.stringMatching(/already running/),
    });
  });
});

describe('an outage mid-sync', () => {
  it('records the run as failed with a clear message, keeps whole pages and writes nothing of the next', async () => {
    const org = await createOrganization(t.server);
    const sorted = roster()
      .data.users.map((u) => u.sourcedId)
      .sort((a, b) => a.localeCompare(b));

    const failure = sis().syncStudents(org.id, {
      mode: 'full',
      onProgress: ({ page }) => {
        if (page === 2) sims.oneRoster.server.faults.set({ outage: true });
      },
    });

    await expect(failure).rejects.toBeInstanceOf(IntegrationUnavailable);
    const [run] = await runsOf(org.id);
    expect(run).toMatchObject({ status: 'failed', deactivated: 0 });
    expect(run!.error).toBe('The SIS could not be read: sis is unavailable (status 503)');
    const rows = await studentsOf(org.id);
    // Two whole pages of the roster (in sourcedId order), nothing of the third.
    const firstTwoPages = new Set(sorted.slice(0, 2 * PAGE_SIZE));
    expect(rows.every((r) => firstTwoPages.has(r.sourcedId))).toBe(true);
    expect(rows.length).toBe(run!.created);
    expect(rows.length).toBeGreaterThan(PAGE_SIZE);

    // The SIS is back: the next delta is a full read (no run has succeeded) and completes the roster.
    sims.oneRoster.server.faults.reset();
    const retry = await sis().syncStudents(org.id, { mode: 'delta' });
    expect(retry.mode).toBe('full');
    expect((await studentsOf(org.id)).filter((r) => r.isActive)).toHaveLength(activeRoster().length);
  });
});

describe('POST /api/v1/admin/integrations/sis/sync', () => {
  let org: TestOrganization;
  beforeAll(async () => {
    org = await createOrganization(t.server);
  });

  const requestSync = (headers: Record<string, string>, payload?: object) =>
    t.server.inject({ method: 'POST', url: '/api/v1/admin/integrations/sis/sync', headers, payload });

  it("queues the sync (202 { jobId }); the admin's socket hears its progress and its counts", async () => {
    const socket = await connectSocket(t.url, org.admin.token);
    opened.push(socket);
    const progress = collect(socket, 'job:progress');
    const completed = waitForEvent(socket, 'job:completed', JOB_TIMEOUT_MS);

    const res = await requestSync(bearer(org.admin), { mode: 'full' });

    expect(res.statusCode, res.payload).toBe(202);
    const { jobId } = res.result as { jobId: string };
    expect(Object.keys(res.result as object)).toEqual(['jobId']);
    const done = await completed;
    const expectedCount = activeRoster().length;
    expect(done).toMatchObject({
      jobId,
      type: JOB_TYPES.SIS_SYNC,
      result: { mode: 'full', created: expectedCount, updated: 0, deactivated: 0 },
    });
    const pages = Math.ceil(roster().data.users.length / PAGE_SIZE);
    await waitFor(() => progress.length >= pages);
    // Relayed as they come; the order of two close events is not promised.
    const reported = progress.map((p) => p.progress as { page: number; processed: number });
    expect(reported.sort((a, b) => a.page - b.page)).toEqual(
      Array.from({ length: pages }, (_, i) => ({
        page: i + 1,
        processed: Math.min((i + 1) * PAGE_SIZE, roster().data.users.length),
      })),
    );
    expect((await studentsOf(org.id)).filter((r) => r.isActive)).toHaveLength(expectedCount);
  });

  it('lists the runs to an admin', async () => {
    const res = await t.server.inject({
      url: '/api/v1/admin/integrations/sis/runs?limit=5',
      headers: bearer(org.admin),
    });

    expect(res.statusCode).toBe(200);
    const { data } = res.result as { data: Array<Record<string, unknown>> };
    expect(data[0]).toMatchObject({
      status: 'succeeded',
      mode: 'full',
      created: activeRoster().length,
      requestedBy: org.admin.id,
      error: null,
    });
  });

  it('refuses nurses and viewers (403), a bad mode (400) and answers 401 without a session', async () => {
    expect((await requestSync(bearer(org.nurse), {})).statusCode).toBe(403);
    expect((await requestSync(bearer(org.viewer), {})).statusCode).toBe(403);
    const bad = await requestSync(bearer(org.admin), { mode: 'everything' });
    expect(bad.statusCode).toBe(400);
    expect((bad.result as { message: string }).message).toMatch(/"mode" must be one of \[delta, full\]/);
    expect((await requestSync({}, {})).statusCode).toBe(401);
    const runs = await t.server.inject({
      url: '/api/v1/admin/integrations/sis/runs',
      headers: bearer(org.nurse),
    });
    expect(runs.statusCode).toBe(403);
  });

  it('shows the SIS client on the integrations route', async () => {
    const res = await t.server.inject({ url: '/api/v1/admin/integrations', headers: bearer(org.admin) });

    expect((res.result as { data: unknown[] }).data).toContainEqual(
      expect.objectContaining({ name: 'sis', state: 'closed' }),
    );
  });
});

describe('the schedule', () => {
  it('is a nightly delta by default, turned off with "off"', () => {
    const sweep = (env: Record<string, string>) =>
      recurringSweeps(loadConfig({ NODE_ENV: 'test', ...env }).jobs).find(
        (s) => s.type === JOB_TYPES.SIS_SYNC,
      );
    expect(sweep({})).toMatchObject({ cron: '30 2 * * *', data: { mode: 'delta' } });
    expect(sweep({ SIS_SYNC_CRON: 'off' })).toMatchObject({ cron: null });
  });

  it('fans the sweep out to one sync per organization', async () => {
    const org = await createOrganization(t.server);
    const queue = getQueueManager(t.server).queue(JOB_TYPES.SIS_SYNC);

    const jobId = await getQueueManager(t.server).addJob(JOB_TYPES.SIS_SYNC, { mode: 'delta' });

    const organizations = await query<{ id: string }>('SELECT id FROM organizations', {});
    await waitFor(async () => (await queue.getJob(jobId))?.returnvalue, { timeoutMs: JOB_TIMEOUT_MS });
    expect((await queue.getJob(jobId))?.returnvalue).toEqual({ organizations: organizations.length });
    await waitFor(async () => (await runsOf(org.id)).some((r) => r.status === 'succeeded'), {
      timeoutMs: JOB_TIMEOUT_MS,
    });
    expect((await studentsOf(org.id)).filter((r) => r.isActive)).toHaveLength(activeRoster().length);
  });
});

describe('without a SIS', () => {
  it('refuses to queue a sync (503, saying what to set)', async () => {
    const bare = await startTestServer();
    try {
      const org = await createOrganization(bare.server);
      const res = await bare.server.inject({
        method: 'POST',
        url: '/api/v1/admin/integrations/sis/sync',
        headers: bearer(org.admin),
      });
      expect(res.statusCode).toBe(503);
      expect((res.result as { message: string }).message).toMatch(/No SIS is configured: set SIS_API_URL/);
      expect(bare.server.plugins.sis.client).toBeNull();
    } finally {
      await bare.stop();
    }
  });
});

describe('the compliance summary after a sync', () => {
  it('counts the students a sync created: the cached summary is dropped', async () => {
    const org = await createOrganization(t.server);
    const total = async () => {
      const res = await t.server.inject({
        url: '/api/v1/immunizations/compliance',
        headers: bearer(org.nurse),
      });
      expect(res.statusCode, res.payload).toBe(200);
      return (res.result as { total: number }).total;
    };
    expect(await total()).toBe(0);

    const summary = await sis().syncStudents(org.id, { mode: 'full' });

    expect(summary.created).toBe(activeRoster().length);
    expect(await total()).toBe(activeRoster().length);
  });
});
