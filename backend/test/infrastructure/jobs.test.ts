/** QueueManager through the jobs plugin: lifecycle, retries, validation, admin route, health. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getQueueManager } from '../../src/infrastructure/jobs/jobsPlugin.js';
import { JOB_TYPES } from '../../src/infrastructure/jobs/jobTypes.js';
import type { QueueManager } from '../../src/infrastructure/jobs/QueueManager.js';
import { bearer, createOrganization, type TestOrganization } from '../helpers/fixtures.js';
import { sleep, uuid, waitFor } from '../helpers/jobs.js';
import { startTestServer, type TestServer } from '../helpers/testServer.js';

let t: TestServer;
let queues: QueueManager;
let org: TestOrganization;

beforeAll(async () => {
  // Listens on port 0 only once a test calls start(); a small backoff keeps retries quick.
  t = await startTestServer({ HOST: '127.0.0.1', PORT: '0', JOBS_BACKOFF_DELAY_MS: '20' });
  queues = getQueueManager(t.server);
  org = await createOrganization(t.server);
});
afterAll(() => t?.stop());

const reminder = () => ({ organizationId: org.id, appointmentId: uuid() });

describe('jobs', () => {
  const reminded: string[] = [];
  let firstJobId = '';

  it('consumes nothing after server.initialize(): an added job stays waiting', async () => {
    queues.registerProcessor(JOB_TYPES.APPOINTMENT_REMINDER, async (data) => {
      reminded.push(data.appointmentId);
    });
    const data = reminder();
    firstJobId = await queues.addJob(JOB_TYPES.APPOINTMENT_REMINDER, data);
    await sleep(300);
    expect(reminded).toEqual([]);
    expect(await queues.getQueueStats(JOB_TYPES.APPOINTMENT_REMINDER)).toMatchObject({
      waiting: 1,
      active: 0,
    });
    expect(await queues.queue(JOB_TYPES.APPOINTMENT_REMINDER).getJobState(firstJobId)).toBe('waiting');
  });

  it('runs registered processors once the server starts (the waiting job too)', async () => {
    await t.server.start();
    const data = reminder();
    const id = await queues.addJob(JOB_TYPES.APPOINTMENT_REMINDER, data, { priority: 1 });
    await waitFor(() => reminded.includes(data.appointmentId));
    await waitFor(() => reminded.length === 2);
    const queue = queues.queue(JOB_TYPES.APPOINTMENT_REMINDER);
    await waitFor(async () => (await queue.getJobState(id)) === 'completed');
    await waitFor(async () => (await queue.getJobState(firstJobId)) === 'completed');
    expect(await queues.getQueueStats(JOB_TYPES.APPOINTMENT_REMINDER)).toMatchObject({
      waiting: 0,
      active: 0,
      completed: 2,
      failed: 0,
    });
  });

  it('retries with backoff: a processor failing twice completes on attempt 3', async () => {
    let calls = 0;
    queues.registerProcessor(JOB_TYPES.REPORT_GENERATION, async () => {
      calls += 1;
      if (calls < 3) throw new Error(`transient failure ${calls}`);
      return 'done';
    });
    const id = await queues.addJob(JOB_TYPES.REPORT_GENERATION, {
      organizationId: org.id,
      requestedBy: org.admin.id,
      reportType: 'compliance',
    });
    const queue = queues.queue(JOB_TYPES.REPORT_GENERATION);
    await waitFor(async () => (await queue.getJobState(id)) === 'completed');
    const job = await queue.getJob(id);
    expect(job?.attemptsMade).toBe(3);
    expect(job?.returnvalue).toBe('done');
    expect(calls).toBe(3);
  });

  it('rejects a bad payload in addJob and enqueues nothing', async () => {
    const before = await queues.getQueueStats(JOB_TYPES.DATA_EXPORT);
    await expect(
      queues.addJob(JOB_TYPES.DATA_EXPORT, {
        organizationId: 'not-a-uuid',
        requestedBy: org.admin.id,
        entity: 'students',
      }),
    ).rejects.toMatchObject({ name: 'AppError', statusCode: 400 });
    await expect(
      // @ts-expect-error -- a caller outside the type checker (or a bad cast) is refused too
      queues.addJobs(JOB_TYPES.DATA_EXPORT, [{ data: { entity: 'students' } }]),
    ).rejects.toMatchObject({ statusCode: 400 });
    expect(await queues.queue(JOB_TYPES.DATA_EXPORT).count()).toBe(0);
    expect(await queues.getQueueStats(JOB_TYPES.DATA_EXPORT)).toEqual(before);
  });

  it('fails a job with invalid data at once, without retries (UnrecoverableError)', async () => {
    let calls = 0;
    queues.registerProcessor(JOB_TYPES.DATA_EXPORT, async () => {
      calls += 1;
    });
    const queue = queues.queue(JOB_TYPES.DATA_EXPORT);
    // Written straight to Redis, past addJob's check, as another producer might.
    const raw = await queue.add(JOB_TYPES.DATA_EXPORT, { entity: 42 }, { attempts: 3 });
    await waitFor(async () => (await queue.getJobState(raw.id!)) === 'failed');
    const job = await queue.getJob(raw.id!);
    expect(job?.attemptsMade).toBe(1);
    expect(job?.failedReason).toMatch(/Invalid data-export payload/);
    expect(calls).toBe(0);
  });

  it('GET /api/v1/admin/queues: every queue for ADMIN, 403 for NURSE, 401 without a token', async () => {
    const res = await t.server.inject({ url: '/api/v1/admin/queues', headers: bearer(org.admin) });
    expect(res.statusCode).toBe(200);
    const { data } = res.result as { data: Array<Record<string, unknown>> };
    expect(data.map((q) => q.name).sort()).toEqual(Object.values(JOB_TYPES).sort());
    for (const queue of data) {
      expect(Object.keys(queue).sort()).toEqual(
        ['active', 'completed', 'delayed', 'failed', 'name', 'paused', 'waiting'].sort(),
      );
    }
    expect(data.find((q) => q.name === 'appointment-reminder')).toMatchObject({
      completed: 2,
      paused: false,
    });

    const nurse = await t.server.inject({ url: '/api/v1/admin/queues', headers: bearer(org.nurse) });
    expect(nurse.statusCode).toBe(403);
    expect((await t.server.inject({ url: '/api/v1/admin/queues' })).statusCode).toBe(401);
  });

  it('pauses and resumes a queue; retryFailed puts failed jobs back', async () => {
    await queues.pause(JOB_TYPES.IMMUNIZATION_ALERT);
    expect((await queues.getAllQueueStats()).find((q) => q.name === 'immunization-alert')?.paused).toBe(true);
    await queues.resume(JOB_TYPES.IMMUNIZATION_ALERT);
    expect(await queues.queue(JOB_TYPES.IMMUNIZATION_ALERT).isPaused()).toBe(false);

    await queues.retryFailed(JOB_TYPES.DATA_EXPORT);
    const queue = queues.queue(JOB_TYPES.DATA_EXPORT);
    // The bad job is retried and fails again at once: still one failed job, never processed.
    await waitFor(async () => (await queue.getJobCounts('failed', 'waiting', 'active')).failed === 1);
  });

  it('reports the jobQueue component in /health', async () => {
    const res = await t.server.inject({ url: '/health' });
    expect(res.statusCode).toBe(200);
    const { components } = res.result as { components: Record<string, { status: string; details: unknown }> };
    expect(components.jobQueue).toMatchObject({
      status: 'healthy',
      details: {
        workers: { started: true, expected: 3, running: 3, enabled: true },
        queues: { 'appointment-reminder': { completed: 2, failed: 0 } },
      },
    });
  });
});
