/** The jobs plugin in a server: lifecycle, the modules' processors, the admin route, health. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getQueueManager } from '../../src/infrastructure/jobs/jobsPlugin.js';
import { ALL_JOB_TYPES, JOB_TYPES } from '../../src/infrastructure/jobs/jobTypes.js';
import type { QueueManager } from '../../src/infrastructure/jobs/QueueManager.js';
import { bearer, createOrganization, type TestOrganization } from '../helpers/fixtures.js';
import { sleep, waitFor } from '../helpers/jobs.js';
import { startTestServer, type TestServer } from '../helpers/testServer.js';

let t: TestServer;
let queues: QueueManager;
let org: TestOrganization;

beforeAll(async () => {
  // Listens on port 0 only once a test calls start().
  t = await startTestServer({ HOST: '127.0.0.1', PORT: '0' });
  queues = getQueueManager(t.server);
  org = await createOrganization(t.server);
});
afterAll(() => t?.stop());

const sweep = () => queues.addJob(JOB_TYPES.INVENTORY_MAINTENANCE, { organizationId: org.id });

describe('jobs', () => {
  let firstJobId = '';

  it('consumes nothing after server.initialize(): an added job stays waiting', async () => {
    firstJobId = await sweep();
    await sleep(300);
    expect(await queues.getQueueStats(JOB_TYPES.INVENTORY_MAINTENANCE)).toMatchObject({
      waiting: 1,
      active: 0,
      completed: 0,
    });
  });

  it("runs the modules' processors once the server starts (the waiting job too)", async () => {
    await t.server.start();
    const id = await sweep();
    const queue = queues.queue(JOB_TYPES.INVENTORY_MAINTENANCE);
    await waitFor(async () => (await queue.getJobState(id)) === 'completed');
    await waitFor(async () => (await queue.getJobState(firstJobId)) === 'completed');
    expect(await queues.getQueueStats(JOB_TYPES.INVENTORY_MAINTENANCE)).toMatchObject({
      waiting: 0,
      active: 0,
      completed: 2,
      failed: 0,
    });
  });

  it('GET /api/v1/admin/queues: every queue for ADMIN, 403 for NURSE, 401 without a token', async () => {
    const res = await t.server.inject({ url: '/api/v1/admin/queues', headers: bearer(org.admin) });
    expect(res.statusCode).toBe(200);
    const { data } = res.result as { data: Array<Record<string, unknown>> };
    expect(data.map((q) => q.name).sort()).toEqual([...ALL_JOB_TYPES].sort());
    for (const queue of data) {
      expect(Object.keys(queue).sort()).toEqual(
        ['active', 'completed', 'delayed', 'failed', 'name', 'paused', 'waiting'].sort(),
      );
    }
    expect(data.find((q) => q.name === 'inventory-maintenance')).toMatchObject({
      completed: 2,
      paused: false,
    });

    const nurse = await t.server.inject({ url: '/api/v1/admin/queues', headers: bearer(org.nurse) });
    expect(nurse.statusCode).toBe(403);
    expect((await t.server.inject({ url: '/api/v1/admin/queues' })).statusCode).toBe(401);
  });

  it('reports the jobQueue component in /health, with a worker per registered processor', async () => {
    const res = await t.server.inject({ url: '/health' });
    expect(res.statusCode).toBe(200);
    const { components } = res.result as { components: Record<string, { status: string; details: unknown }> };
    const { workers } = components.jobQueue!.details as { workers: { expected: number; running: number } };
    expect(workers.running).toBe(workers.expected);
    expect(workers.expected).toBeGreaterThanOrEqual(4);
    expect(components.jobQueue).toMatchObject({
      status: 'healthy',
      details: {
        workers: { started: true, enabled: true },
        queues: { 'inventory-maintenance': { completed: 2, failed: 0 } },
      },
    });
  });
});
