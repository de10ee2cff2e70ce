/**
 * Drill 2, PostgreSQL restart: one app on a PostgreSQL of the drill's own, under steady
 * student searches, while a probe polls /health/ready every 100 ms. PostgreSQL is stopped
 * (fast shutdown: sessions are cut) and started again on the same port. Readiness must go
 * 503 and come back to 200, the process must survive, and no request may hang: each must be
 * answered (an error is fine while the database is away) within the app's own bound.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Drill } from './drill.js';
import { startApp, type AppProcess } from './support/appProcess.js';
import { createDrillEnvironment } from './support/drillEnvironment.js';
import { eventually, LoadSwitch, repeat, RequestTally, send } from './support/load.js';
import { startOwnPostgres } from './support/ownPostgres.js';
import { watchReadiness } from './support/readinessWatch.js';
import { authorized, demoEmail, login } from './support/session.js';

const TIMING = {
  short: { readLoops: 2, readPauseMs: 100, warmupMs: 2_000, downMs: 2_000, recoveryMs: 3_000 },
  long: { readLoops: 3, readPauseMs: 50, warmupMs: 10_000, downMs: 10_000, recoveryMs: 15_000 },
};
/**
 * The longest a request may take: the database pool's acquire timeout (5 s, config/database.ts)
 * bounds the wait for a connection, plus a margin for a loaded machine. Longer counts as hung.
 */
const REQUEST_BOUND_MS = 5_000 + 3_000;
/** The client gives up well after the bound, so a hang is measured rather than cut short. */
const CLIENT_TIMEOUT_MS = 30_000;
const READY_AGAIN_WITHIN_MS = 60_000;

const isAlive = (app: AppProcess) => app.child.exitCode === null && app.child.signalCode === null;

export const postgresRestartDrill: Drill = async ({ short }) => {
  const timing = short ? TIMING.short : TIMING.long;
  const postgres = await startOwnPostgres();
  const env = await createDrillEnvironment('postgres-restart', { adminDatabaseUrl: postgres.adminUrl });
  let app: AppProcess | undefined;
  try {
    app = await startApp({ ...env.appEnv, APP_ROLE: 'all' });
    const { url } = app;
    const nurse = authorized(await login(url, demoEmail('NURSE', 0)));
    const readiness = watchReadiness(url);
    const tally = new RequestTally();
    let overBound = 0;
    const load = new LoadSwitch();
    const read = async () => {
      const outcome = await send(`${url}/api/v1/students?search=a&pageSize=20`, {
        headers: nurse,
        timeoutMs: CLIENT_TIMEOUT_MS,
      });
      tally.record(outcome, 'read');
      if (outcome.ms > REQUEST_BOUND_MS) overBound += 1;
    };
    const loops = Array.from({ length: timing.readLoops }, () => repeat(load, timing.readPauseMs, read));

    await sleep(timing.warmupMs);
    await postgres.stop();
    await sleep(timing.downMs);
    await postgres.start();
    const running = app;
    await eventually(() => readiness.cameBack() > 0 || !isAlive(running), READY_AGAIN_WITHIN_MS);
    await sleep(timing.recoveryMs);
    load.stop();
    await Promise.all(loops);
    await readiness.stop();

    const figures = {
      readyWentDown: readiness.wentDown(),
      readyCameBack: readiness.cameBack(),
      readyAtEnd: readiness.isReady() ? 1 : 0,
      secondsNotReady: Math.round(readiness.notReadyMs() / 100) / 10,
      requests: tally.requests,
      failedRequests: tally.failed,
      serverErrors: tally.serverErrors,
      requestsOverTimeout: overBound,
      slowestRequestMs: Math.round(tally.slowestMs),
      appCrashed: isAlive(app) ? 0 : 1,
      failures: tally.failureKinds(),
      ...(app.unexpectedErrors().length > 0
        ? { thrownAt: app.unexpectedErrors().slice(0, 3).join(',') }
        : {}),
    };
    return {
      name: 'postgres-restart',
      passed:
        figures.readyWentDown >= 1 &&
        figures.readyCameBack >= 1 &&
        figures.readyAtEnd === 1 &&
        figures.requestsOverTimeout === 0 &&
        figures.serverErrors === 0 &&
        figures.appCrashed === 0,
      figures,
    };
  } finally {
    await app?.stop();
    await env.cleanup();
    await postgres.destroy();
  }
};
