/**
 * Queued reports end to end, as deployed: an API replica takes the request and holds the
 * requester's socket, a worker replica (started later) draws the PDF. The job goes waiting ->
 * active -> completed, the requester hears `job:completed` and a `health:notification`, and
 * downloads the PDF until it expires. A retried job neither draws nor notifies twice; a
 * request that cannot succeed is refused at once, or fails visibly.
 */
import type { ServerInjectResponse } from '@hapi/hapi';
import { QueueEvents } from 'bullmq';
import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getQueueManager } from '../../src/infrastructure/jobs/jobsPlugin.js';
import { JOB_TYPES } from '../../src/infrastructure/jobs/jobTypes.js';
import {
  bearer,
  createOrganization,
  createStudent,
  createUser,
  type TestOrganization,
  type TestUser,
} from '../helpers/fixtures.js';
import { allergyPayload } from '../helpers/healthRecords.js';
import { waitFor } from '../helpers/jobs.js';
import { startReplica, type Replica } from '../helpers/listeningServer.js';
import {
  closeAll,
  collect,
  connectSocket,
  waitForEvent,
  type ClientSocket,
} from '../helpers/socketClient.js';
import { startTestServer, type TestServer } from '../helpers/testServer.js';
import { pdfText, squash } from '../services/pdf/poppler.js';

const JOB_TIMEOUT_MS = 30_000;

let t: TestServer;
let api: Replica;
let worker: Replica | undefined;
let org: TestOrganization;
let other: TestOrganization;
const opened: ClientSocket[] = [];

beforeAll(async () => {
  t = await startTestServer();
  // Takes requests and holds sockets, runs no worker: jobs wait until the worker replica starts.
  api = await startReplica(t, { APP_ROLE: 'api' });
  org = await createOrganization(t.server);
  other = await createOrganization(t.server);
});
afterAll(async () => {
  closeAll(opened);
  await worker?.stop();
  await api?.stop();
  await t?.stop();
});

const queue = () => getQueueManager(t.server).queue(JOB_TYPES.REPORT_GENERATION);
const get = (user: TestUser, url: string) => api.server.inject({ url, headers: bearer(user) });
const requestReport = (user: TestUser, payload: object) =>
  api.server.inject({ method: 'POST', url: '/api/v1/reports', headers: bearer(user), payload });

async function queued(user: TestUser, payload: object): Promise<string> {
  const res = await requestReport(user, payload);
  expect(res.statusCode, res.payload).toBe(202);
  const { id } = res.result as { id: string };
  expect(Object.keys(res.result as object)).toEqual(['id']);
  return id;
}

function startWorker(): Promise<Replica> {
  return startReplica(t, { APP_ROLE: 'worker' }).then((replica) => (worker = replica));
}

interface StatusView {
  id: string;
  reportType: string;
  status: string;
  createdAt: string;
  completedAt: string | null;
  expiresAt: string | null;
  downloadUrl: string | null;
  filename: string | null;
  error: string | null;
}

const statusOf = async (user: TestUser, id: string) =>
  (await get(user, `/api/v1/reports/${id}`)).result as StatusView;

async function rows<T extends object>(sql: string, replacements: Record<string, unknown>): Promise<T[]> {
  return t.server.app.sequelize.query<T>(sql, { replacements, type: QueryTypes.SELECT });
}

const notificationsFor = (userId: string, dedupeKey: string) =>
  rows<{ type: string; message: string }>(
    'SELECT type, message FROM notifications WHERE user_id = :userId AND dedupe_key = :dedupeKey',
    { userId, dedupeKey },
  );

const messageOf = (res: ServerInjectResponse) => (res.result as { message: string }).message;

describe('refused at once (nothing stored, nothing queued)', () => {
  it('answers 400 for an unknown type or bad parameters, 404 for an unknown student, 403 for a VIEWER', async () => {
    const theirs = await createStudent(t.server, other);
    const ours = await createStudent(t.server, org);
    const cases: Array<[TestUser, object, number, RegExp]> = [
      [org.nurse, { reportType: 'everything', parameters: {} }, 400, /"reportType" must be one of/],
      [
        org.nurse,
        { reportType: 'medication-log', parameters: { from: '2026-03-10', to: '2026-03-01' } },
        400,
        /must not be before/,
      ],
      [
        org.nurse,
        { reportType: 'student-health-summary', parameters: {} },
        400,
        /"parameters.studentId" is required/,
      ],
      [
        org.nurse,
        { reportType: 'student-health-summary', parameters: { studentId: theirs.id } },
        404,
        /Student not found/,
      ],
      [
        org.nurse,
        { reportType: 'incident', parameters: { incidentId: crypto.randomUUID() } },
        404,
        /Incident not found/,
      ],
      [
        org.viewer,
        { reportType: 'student-health-summary', parameters: { studentId: ours.id } },
        403,
        /permission/,
      ],
    ];
    for (const [user, payload, status, message] of cases) {
      const res = await requestReport(user, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(messageOf(res)).toMatch(message);
    }
    const stored = await rows<{ id: string }>('SELECT id FROM report_results WHERE organization_id = :id', {
      id: org.id,
    });
    expect(stored).toEqual([]);
    expect(await queue().count()).toBe(0);
  });
});

describe('a queued report', () => {
  let student: { id: string; lastName: string };
  let reportId: string;

  it('goes waiting -> active -> completed; the requester hears of it and downloads the PDF', async () => {
    student = await createStudent(t.server, org);
    const allergy = await api.server.inject({
      method: 'POST',
      url: `/api/v1/students/${student.id}/allergies`,
      headers: bearer(org.nurse),
      payload: allergyPayload(),
    });
    expect(allergy.statusCode).toBe(201);

    const socket = await connectSocket(api.url, org.nurse.token);
    const bystander = await connectSocket(api.url, org.admin.token);
    opened.push(socket, bystander);
    const progress = collect(socket, 'job:progress');
    const overheard = collect(bystander, 'health:notification');
    const completed = waitForEvent(socket, 'job:completed', JOB_TIMEOUT_MS);
    const notified = waitForEvent(socket, 'health:notification', JOB_TIMEOUT_MS);

    const { url: redisUrl, keyPrefix } = t.config.redis;
    const events = new QueueEvents(JOB_TYPES.REPORT_GENERATION, {
      connection: { url: redisUrl!, maxRetriesPerRequest: null },
      prefix: `${keyPrefix}bull`,
    });
    const seen: string[] = [];
    try {
      await events.waitUntilReady();
      reportId = await queued(org.nurse, {
        reportType: 'student-health-summary',
        parameters: { studentId: student.id },
      });
      const jobId = `report-${reportId}`;
      events.on('active', ({ jobId: id }) => id === jobId && seen.push('active'));
      events.on('completed', ({ jobId: id }) => id === jobId && seen.push('completed'));

      // No worker yet: the job waits, the report is queued and has nothing to download.
      expect(await queue().getJobState(jobId)).toBe('waiting');
      expect((await queue().getJob(jobId))?.data).toEqual({
        organizationId: org.id,
        requestedBy: org.nurse.id,
        reportType: 'student-health-summary',
        reportId,
        parameters: { studentId: student.id },
      });
      expect(await statusOf(org.nurse, reportId)).toMatchObject({
        id: reportId,
        reportType: 'student-health-summary',
        status: 'queued',
        completedAt: null,
        expiresAt: null,
        downloadUrl: null,
        filename: null,
      });
      const early = await get(org.nurse, `/api/v1/reports/${reportId}/download`);
      expect(early.statusCode).toBe(409);
      expect(messageOf(early)).toMatch(/not ready yet \(queued\)/);

      await startWorker();
      const downloadUrl = `/api/v1/reports/${reportId}/download`;
      expect(await completed).toEqual({
        jobId,
        type: JOB_TYPES.REPORT_GENERATION,
        result: { reportId, downloadUrl },
      });
      const notice = await notified;
      expect(notice).toMatchObject({ type: 'REPORT_READY', title: 'Report ready' });
      expect(notice.message).toContain(downloadUrl);
      expect(notice.message).not.toContain(student.lastName);
      await waitFor(() => seen.length === 2);
      expect(seen).toEqual(['active', 'completed']);
    } finally {
      await events.close();
    }
    expect(await queue().getJobState(`report-${reportId}`)).toBe('completed');
    expect(progress.length).toBeGreaterThan(0);
    expect(overheard).toEqual([]);
    expect(await notificationsFor(org.nurse.id, `report-ready:${reportId}`)).toHaveLength(1);

    const status = await statusOf(org.nurse, reportId);
    expect(status).toMatchObject({
      status: 'completed',
      downloadUrl: `/api/v1/reports/${reportId}/download`,
    });
    expect(status.filename).toMatch(/^health-summary-[a-z0-9]+-jordan-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(Date.parse(status.expiresAt!)).toBeGreaterThan(Date.parse(status.completedAt!));

    const res = await get(org.nurse, `/api/v1/reports/${reportId}/download`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${status.filename}"`);
    expect(res.headers['cache-control']).toBe('no-store');
    const text = squash(await pdfText(res.rawPayload, { raw: true }));
    expect(text).toContain(`Jordan ${student.lastName}`);
    expect(text).toContain('Peanut');
    const audited = await rows<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity_type = 'report' AND entity_id = :id ORDER BY seq`,
      { id: reportId },
    );
    expect(audited.map((a) => a.action)).toEqual(['report.request', 'report.download']);
  });

  it("is the requester's alone: another user of the organization or of another one gets 404", async () => {
    for (const user of [org.admin, other.nurse]) {
      expect((await get(user, `/api/v1/reports/${reportId}`)).statusCode).toBe(404);
      expect((await get(user, `/api/v1/reports/${reportId}/download`)).statusCode).toBe(404);
    }
  });

  it('when the job runs again, it neither draws nor notifies twice', async () => {
    const [before] = await rows<{ completedAt: Date }>(
      'SELECT completed_at AS "completedAt" FROM report_results WHERE id = :id',
      { id: reportId },
    );
    const job = (await queue().getJob(`report-${reportId}`))!;
    await job.retry('completed');
    await waitFor(async () => (await queue().getJobState(job.id!)) === 'completed', {
      timeoutMs: JOB_TIMEOUT_MS,
    });
    const [after] = await rows<{ completedAt: Date }>(
      'SELECT completed_at AS "completedAt" FROM report_results WHERE id = :id',
      { id: reportId },
    );
    expect(after!.completedAt).toEqual(before!.completedAt);
    expect(await notificationsFor(org.nurse.id, `report-ready:${reportId}`)).toHaveLength(1);
  });

  it('is refused once it has expired (410), and purged by the next request (404)', async () => {
    await t.server.app.sequelize.query(
      `UPDATE report_results SET expires_at = now() - interval '1 second' WHERE id = :id`,
      { replacements: { id: reportId } },
    );
    for (const url of [`/api/v1/reports/${reportId}/download`, `/api/v1/reports/${reportId}`]) {
      const res = await get(org.nurse, url);
      expect(res.statusCode).toBe(410);
      expect(messageOf(res)).toBe('This report has expired; request it again');
    }
    await queued(org.nurse, { reportType: 'immunization-compliance', parameters: {} });
    expect((await get(org.nurse, `/api/v1/reports/${reportId}`)).statusCode).toBe(404);
  });
});

describe('a queued custom report', () => {
  it('keeps its content out of the job (Redis) and still prints it', async () => {
    if (!worker) await startWorker();
    await getQueueManager(t.server).pause(JOB_TYPES.REPORT_GENERATION);
    let id: string;
    try {
      id = await queued(org.admin, {
        reportType: 'custom',
        parameters: {
          title: 'Flu clinic roster',
          tables: [{ columns: ['Room', 'Slots'], rows: [['Gym', 40]] }],
        },
      });
      expect((await queue().getJob(`report-${id}`))?.data.parameters).toEqual({});
    } finally {
      await getQueueManager(t.server).resume(JOB_TYPES.REPORT_GENERATION);
    }
    await waitFor(async () => (await statusOf(org.admin, id)).status === 'completed', {
      timeoutMs: JOB_TIMEOUT_MS,
    });
    const res = await get(org.admin, `/api/v1/reports/${id}/download`);
    expect(res.statusCode).toBe(200);
    expect(squash(await pdfText(res.rawPayload))).toContain('Flu clinic roster');
  });
});

describe('a queued report that cannot be drawn', () => {
  it('fails at once, visibly: status failed with the reason, and the requester is told', async () => {
    const nurse = await createUser(t.server, org.id, 'NURSE');
    const student = await createStudent(t.server, org);
    await getQueueManager(t.server).pause(JOB_TYPES.REPORT_GENERATION);
    let id: string;
    try {
      id = await queued(nurse, {
        reportType: 'student-health-summary',
        parameters: { studentId: student.id },
      });
      // The requester leaves before the worker gets to it.
      await t.server.plugins.users.service.update(org.id, nurse.id, { isActive: false });
    } finally {
      await getQueueManager(t.server).resume(JOB_TYPES.REPORT_GENERATION);
    }
    const jobId = `report-${id}`;
    await waitFor(async () => (await queue().getJobState(jobId)) === 'failed', { timeoutMs: JOB_TIMEOUT_MS });
    expect((await queue().getJob(jobId))?.attemptsMade).toBe(1);
    const [report] = await rows<{ status: string; error: string; pdf: Buffer | null }>(
      'SELECT status, error, pdf FROM report_results WHERE id = :id',
      { id },
    );
    expect(report).toEqual({
      status: 'failed',
      error: 'The account that requested this report is no longer active',
      pdf: null,
    });
    const notices = await notificationsFor(nurse.id, `report-failed:${id}`);
    expect(notices).toEqual([
      {
        type: 'REPORT_FAILED',
        message:
          'Your student health summary could not be generated: The account that requested this report is no longer active',
      },
    ]);
  });
});
