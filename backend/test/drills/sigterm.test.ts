/**
 * SIGTERM to the real entry point with a request and a job in flight: readiness answers 503
 * at once while the listener still accepts connections (the drain delay), the request is
 * answered 200 and the job finishes before the process exits 0. Exit code 0 also means the
 * process left on its own before the hard bound (which exits 1). Both are held in flight by a
 * lock on the notifications table the test owns: the request lists notifications, the queued
 * report's job ends by writing one.
 */
import http from 'node:http';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApp, type AppProcess } from '../../drills/support/appProcess.js';
import { createDrillEnvironment, type DrillEnvironment } from '../../drills/support/drillEnvironment.js';
import { eventually, send } from '../../drills/support/load.js';
import { authorized, demoEmail, login } from '../../drills/support/session.js';
import { sleep } from '../helpers/jobs.js';

let env: DrillEnvironment;
let app: AppProcess | undefined;
const clients: pg.Client[] = [];

beforeAll(async () => {
  env = await createDrillEnvironment('sigterm');
  app = await startApp({
    ...env.appEnv,
    SHUTDOWN_DRAIN_DELAY_MS: '1000',
    SHUTDOWN_TIMEOUT_MS: '20000',
    JOBS_SHUTDOWN_TIMEOUT_MS: '20000',
  });
}, 150_000);
afterAll(async () => {
  for (const client of clients) await client.end().catch(() => undefined);
  await app?.stop('SIGKILL');
  await env?.cleanup();
});

async function connect(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: env.databaseUrl });
  clients.push(client);
  await client.connect();
  return client;
}

/** A GET on a connection of its own: proves the listener still accepts new connections. */
function statusOnNewConnection(url: string): Promise<number | null> {
  return new Promise((resolve) => {
    const request = http.get(url, { agent: false, timeout: 2_000 }, (response) => {
      response.resume();
      resolve(response.statusCode ?? null);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(null));
  });
}

it('drains on SIGTERM: 503 first, then in-flight work finishes, then exit 0', async () => {
  const { url, child } = app!;
  const admin = authorized(await login(url, demoEmail('ADMIN')));
  const nurse = authorized(await login(url, demoEmail('NURSE')));
  const observer = await connect();
  const holder = await connect();
  await holder.query('BEGIN');
  await holder.query('LOCK TABLE notifications IN ACCESS EXCLUSIVE MODE');

  const queued = await send(`${url}/api/v1/reports`, {
    method: 'POST',
    headers: admin,
    json: { reportType: 'immunization-compliance', parameters: {} },
  });
  expect(queued.status).toBe(202);
  const inFlight = send(`${url}/api/v1/notifications`, { headers: nurse, timeoutMs: 60_000 });
  // Both wait on the lock: the request's read and the job's "report ready" notification.
  const waiting = async () => {
    const { rows } = await observer.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'`,
      [env.name],
    );
    return rows[0]!.n >= 2;
  };
  expect(await eventually(waiting, 30_000)).toBe(true);

  const exited = app!.exited;
  child.kill('SIGTERM');
  expect(
    await eventually(async () => (await statusOnNewConnection(`${url}/health/ready`)) === 503, 5_000),
  ).toBe(true);
  expect(await statusOnNewConnection(`${url}/health/live`)).toBe(200);

  await sleep(2_000);
  expect(child.exitCode).toBeNull(); // past the drain delay, still waiting for its request and job
  await holder.query('COMMIT');

  const answered = await inFlight;
  expect(answered.status).toBe(200);
  expect(await exited).toBe(0);
  const { rows } = await observer.query<{ status: string; notified: number }>(
    `SELECT r.status,
            (SELECT count(*)::int FROM notifications n WHERE n.type = 'REPORT_READY') AS notified
       FROM report_results r WHERE r.id = $1`,
    [(queued.body as { id: string }).id],
  );
  expect(rows[0]).toEqual({ status: 'completed', notified: 1 });
  expect(await statusOnNewConnection(`${url}/health/live`)).toBeNull(); // the listener is gone
}, 180_000);
