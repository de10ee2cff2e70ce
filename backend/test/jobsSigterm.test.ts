/**
 * SIGTERM to the real entry point while a job is active: the process waits for the job to
 * finish (its effect is written) and then exits 0; nothing is left active in Redis.
 * The job is held active by a table lock the test owns, released only after the signal.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getQueueManager } from '../src/infrastructure/jobs/jobsPlugin.js';
import { JOB_TYPES } from '../src/infrastructure/jobs/jobTypes.js';
import { freePort } from '../src/startup/localProcess.js';
import { bearer, createOrganization, type TestOrganization } from './helpers/fixtures.js';
import { sleep, waitFor } from './helpers/jobs.js';
import { NO_SCHEDULES, startTestServer, type TestServer } from './helpers/testServer.js';

let t: TestServer;
let org: TestOrganization;
let child: ChildProcess | undefined;

beforeAll(async () => {
  t = await startTestServer();
  org = await createOrganization(t.server);
});
afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await t?.stop();
});

async function startWorkerProcess(): Promise<{ exited: Promise<number | null>; output: () => string }> {
  const port = await freePort();
  child = spawn('node', ['--import', 'tsx', 'src/index.ts'], {
    cwd: new URL('..', import.meta.url).pathname,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      APP_ROLE: 'worker',
      DATABASE_URL: t.config.database.url,
      REDIS_URL: t.config.redis.url,
      REDIS_KEY_PREFIX: t.config.redis.keyPrefix,
      JWT_SECRET: t.config.auth.jwtSecret,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      JOBS_SHUTDOWN_TIMEOUT_MS: '30000',
      ...NO_SCHEDULES,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
  await waitFor(
    () =>
      fetch(`http://127.0.0.1:${port}/health/ready`).then(
        (r) => r.status === 200,
        () => false,
      ),
    { timeoutMs: 60_000, intervalMs: 200 },
  );
  return { exited, output: () => output };
}

async function notificationsAbout(itemName: string): Promise<number> {
  const [rows] = await t.server.app.sequelize.query(
    'SELECT count(*)::int AS n FROM notifications WHERE organization_id = :org AND message LIKE :name',
    { replacements: { org: org.id, name: `%${itemName}%` } },
  );
  return (rows as Array<{ n: number }>)[0]!.n;
}

it('lets the active job finish before the process exits', async () => {
  const itemName = `Epinephrine trainer ${Date.now()}`;
  const created = await t.server.inject({
    method: 'POST',
    url: '/api/v1/inventory',
    headers: bearer(org.nurse),
    payload: { name: itemName, category: 'SUPPLY', unit: 'each', reorderLevel: 10, initialQuantity: 2 },
  });
  expect(created.statusCode).toBe(201);

  const { exited, output } = await startWorkerProcess();
  // Hold every insert into notifications: the job will be active, stuck on its first write.
  const holder = new pg.Client({ connectionString: t.config.database.url });
  await holder.connect();
  await holder.query('BEGIN');
  await holder.query('LOCK TABLE notifications IN EXCLUSIVE MODE');
  try {
    const queue = getQueueManager(t.server).queue(JOB_TYPES.INVENTORY_MAINTENANCE);
    const jobId = await getQueueManager(t.server).addJob(JOB_TYPES.INVENTORY_MAINTENANCE, {
      organizationId: org.id,
    });
    await waitFor(async () => (await queue.getJobState(jobId)) === 'active');

    child!.kill('SIGTERM');
    await sleep(1_000);
    expect(child!.exitCode).toBeNull(); // still waiting for its job
    await holder.query('COMMIT');

    expect(await exited).toBe(0);
    expect(await queue.getJobState(jobId)).toBe('completed');
    expect(await queue.getActiveCount()).toBe(0);
    // The nurse and the admin were told of the low stock, once each.
    expect(await notificationsAbout(itemName)).toBe(2);
    expect(output()).not.toMatch(/abandoned/);
  } finally {
    await holder.end();
  }
}, 90_000);
