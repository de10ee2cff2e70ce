/**
 * Drill 3, rolling restart: two replicas (API, sockets and workers each; one database, one
 * Redis prefix) behind a round-robin proxy that routes only to ready replicas. Under steady
 * student searches, nurses' sockets spread over both replicas and an alert raised every
 * 200 ms, replica A gets SIGTERM (with a 1.5 s drain delay, as a pod behind a load balancer
 * would have). Every request must succeed, A must exit 0, and once it has gone every socket
 * must be connected (to B) and have received every alert that was accepted.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Drill } from './drill.js';
import { connectAlertSocket, type AlertSocket } from './support/alertSocket.js';
import { startApp, type AppProcess } from './support/appProcess.js';
import { createDrillEnvironment } from './support/drillEnvironment.js';
import { eventually, LoadSwitch, repeat, RequestTally, send } from './support/load.js';
import { startRoundRobinProxy, type RoundRobinProxy } from './support/roundRobinProxy.js';
import { authorized, demoEmail, login } from './support/session.js';

const TIMING = {
  short: { sockets: 4, readLoops: 2, readPauseMs: 50, warmupMs: 2_000, afterExitMs: 3_000 },
  long: { sockets: 20, readLoops: 4, readPauseMs: 20, warmupMs: 10_000, afterExitMs: 15_000 },
};
const ALERT_EVERY_MS = 200;
/** Longer than the proxy's 200 ms poll: the window in which the proxy stops routing to A. */
const DRAIN_DELAY_MS = 1_500;
const SETTLE_MS = 30_000;

const ALERT = {
  type: 'OTHER',
  severity: 'MEDIUM',
  location: 'Library, drill',
  description: 'Rolling restart drill',
};

export const rollingRestartDrill: Drill = async ({ short }) => {
  const timing = short ? TIMING.short : TIMING.long;
  const env = await createDrillEnvironment('rolling-restart');
  const replicaEnv = { ...env.appEnv, APP_ROLE: 'all', SHUTDOWN_DRAIN_DELAY_MS: String(DRAIN_DELAY_MS) };
  const apps: AppProcess[] = [];
  const sockets: AlertSocket[] = [];
  let proxy: RoundRobinProxy | undefined;
  try {
    // Both at once, as a deployment's replicas start: the drill's database is migrated and
    // seeded at creation, so neither seeds (two first starts on an empty one would both seed).
    const started = await Promise.allSettled([startApp(replicaEnv), startApp(replicaEnv)]);
    for (const result of started) if (result.status === 'fulfilled') apps.push(result.value);
    for (const result of started) if (result.status === 'rejected') throw result.reason;
    const [a, b] = apps as [AppProcess, AppProcess];
    proxy = await startRoundRobinProxy([a.url, b.url]);
    const { url } = proxy;

    const raiser = authorized(await login(url, demoEmail('NURSE', 0)));
    const watchers = [await login(url, demoEmail('NURSE', 1)), await login(url, demoEmail('ADMIN'))];
    for (let i = 0; i < timing.sockets; i += 1) {
      sockets.push(await connectAlertSocket(url, watchers[i % watchers.length]!));
    }

    const tally = new RequestTally();
    const alertIds: string[] = [];
    const load = new LoadSwitch();
    const read = async () =>
      tally.record(await send(`${url}/api/v1/students?search=a&pageSize=20`, { headers: raiser }), 'read');
    const raiseAlert = async () => {
      const outcome = await send(`${url}/api/v1/alerts`, { method: 'POST', headers: raiser, json: ALERT });
      tally.record(outcome, 'alert');
      if (outcome.status === 201) alertIds.push((outcome.body as { id: string }).id);
    };
    const loops = [
      ...Array.from({ length: timing.readLoops }, () => repeat(load, timing.readPauseMs, read)),
      repeat(load, ALERT_EVERY_MS, raiseAlert),
    ];

    await sleep(timing.warmupMs);
    const signalled = performance.now();
    const exitCodeA = await a.stop('SIGTERM');
    const shutdownMs = Math.round(performance.now() - signalled);
    await sleep(timing.afterExitMs);
    load.stop();
    await Promise.all(loops);

    const missedBy = (s: AlertSocket) => alertIds.filter((id) => !s.received.has(id)).length;
    await eventually(() => sockets.every((s) => s.connected() && missedBy(s) === 0), SETTLE_MS);
    const alertsMissed = sockets.reduce((sum, s) => sum + missedBy(s), 0);
    const figures = {
      requests: tally.requests,
      failedRequests: tally.failed,
      sockets: sockets.length,
      socketsReconnected: sockets.filter((s) => s.reconnects() > 0).length,
      socketsConnected: sockets.filter((s) => s.connected()).length,
      alertsAccepted: alertIds.length,
      alertsMissed,
      exitCodeA: String(exitCodeA),
      shutdownMs,
      proxyRetries: proxy.retried(),
      failures: tally.failureKinds(),
    };
    return {
      name: 'rolling-restart',
      passed:
        figures.failedRequests === 0 &&
        alertsMissed === 0 &&
        exitCodeA === 0 &&
        figures.socketsConnected === sockets.length,
      figures,
    };
  } finally {
    for (const socket of sockets) socket.close();
    await proxy?.close();
    for (const app of apps) await app.stop();
    await env.cleanup();
  }
};
