/**
 * Drill 1, Redis outage: one app (API, sockets and workers) on a Redis of the drill's own,
 * under steady load: nurses' student searches, an admin's queued reports (each a job whose
 * effect is its report_results row becoming completed) and emergency alerts, watched by a
 * second nurse's socket. Redis is stopped (SIGTERM: it fsyncs its AOF) and restarted on the
 * same port and data. Requests may fail while it is down; nothing accepted may be lost: every
 * report answered 202 completes, every alert answered 201 reaches the watching socket.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type { Drill } from './drill.js';
import { connectAlertSocket } from './support/alertSocket.js';
import { startApp, type AppProcess } from './support/appProcess.js';
import { createDrillEnvironment } from './support/drillEnvironment.js';
import { eventually, LoadSwitch, repeat, RequestTally, send } from './support/load.js';
import { startOwnRedis } from './support/ownRedis.js';
import { authorized, demoEmail, login } from './support/session.js';

const TIMING = {
  short: { readPauseMs: 100, warmupMs: 2_000, outageMs: 3_000, recoveryMs: 4_000 },
  long: { readPauseMs: 50, warmupMs: 10_000, outageMs: 10_000, recoveryMs: 15_000 },
};
/** How long accepted work may take to land once the load has stopped. */
const SETTLE_MS = 60_000;

const ALERT = {
  type: 'OTHER',
  severity: 'HIGH',
  location: 'Gym, drill',
  description: 'Redis outage drill',
};

async function completedCount(databaseUrl: string, ids: string[]): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM report_results WHERE id = ANY($1::uuid[]) AND status = 'completed'`,
      [ids],
    );
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}

const isAlive = (app: AppProcess) => app.child.exitCode === null && app.child.signalCode === null;

export const redisOutageDrill: Drill = async ({ short }) => {
  const timing = short ? TIMING.short : TIMING.long;
  const redis = await startOwnRedis();
  const env = await createDrillEnvironment('redis-outage', { redisUrl: redis.url });
  let app: AppProcess | undefined;
  let closeSocket = () => undefined as void;
  try {
    app = await startApp({ ...env.appEnv, APP_ROLE: 'all' });
    const { url } = app;
    const nurse = authorized(await login(url, demoEmail('NURSE', 0)));
    const admin = authorized(await login(url, demoEmail('ADMIN')));
    const watcher = await connectAlertSocket(url, await login(url, demoEmail('NURSE', 1)));
    closeSocket = watcher.close;

    const tally = new RequestTally();
    const reportIds: string[] = [];
    const alertIds: string[] = [];
    const load = new LoadSwitch();
    const read = async () =>
      tally.record(await send(`${url}/api/v1/students?search=a&pageSize=20`, { headers: nurse }), 'read');
    const queueReport = async () => {
      const outcome = await send(`${url}/api/v1/reports`, {
        method: 'POST',
        headers: admin,
        json: { reportType: 'immunization-compliance', parameters: {} },
      });
      tally.record(outcome, 'report');
      if (outcome.status === 202) reportIds.push((outcome.body as { id: string }).id);
    };
    const raiseAlert = async () => {
      const outcome = await send(`${url}/api/v1/alerts`, { method: 'POST', headers: nurse, json: ALERT });
      tally.record(outcome, 'alert');
      if (outcome.status === 201) alertIds.push((outcome.body as { id: string }).id);
    };
    const loops = [
      repeat(load, timing.readPauseMs, read),
      repeat(load, timing.readPauseMs, read),
      repeat(load, 250, queueReport),
      repeat(load, 250, raiseAlert),
    ];

    await sleep(timing.warmupMs);
    const outageStarted = performance.now();
    await redis.stop();
    await sleep(timing.outageMs);
    await redis.start();
    const outageMs = Math.round(performance.now() - outageStarted);
    await sleep(timing.recoveryMs);
    load.stop();
    await Promise.all(loops);

    const databaseUrl = env.databaseUrl;
    const running = app;
    let completed = 0;
    await eventually(async () => {
      completed = await completedCount(databaseUrl, reportIds);
      return completed === reportIds.length || !isAlive(running);
    }, SETTLE_MS);
    await eventually(() => alertIds.every((id) => watcher.received.has(id)) || !isAlive(running), SETTLE_MS);
    const lostJobs = reportIds.length - completed;
    const lostAlerts = alertIds.filter((id) => !watcher.received.has(id)).length;
    const appCrashed = isAlive(app) ? 0 : 1;
    return {
      name: 'redis-outage',
      passed: lostJobs === 0 && lostAlerts === 0 && appCrashed === 0,
      figures: {
        requests: tally.requests,
        failedRequests: tally.failed,
        jobsAccepted: reportIds.length,
        lostJobs,
        alertsAccepted: alertIds.length,
        lostAlerts,
        outageMs,
        socketReconnects: watcher.reconnects(),
        appCrashed,
        failures: tally.failureKinds(),
      },
    };
  } finally {
    closeSocket();
    await app?.stop();
    await env.cleanup();
    await redis.destroy();
  }
};
