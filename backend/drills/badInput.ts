/**
 * Drill 5, bad input: every route of the server's table, called over HTTP on the real
 * process with generated hostile input (hostile/): as the demo district's admin, and without
 * a token. Counts answers by class; none may be a 5xx, none may hang, the process must still
 * be alive and ready at the end, and no table may have lost rows or had its users changed.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Drill, DrillResult } from './drill.js';
import { casesFor, pick, type HostileCase } from './hostile/cases.js';
import { apiGet } from './support/api.js';
import { isReady, startApp, type AppProcess } from './support/appProcess.js';
import { createDrillEnvironment } from './support/drillEnvironment.js';
import { sendRaw, type RawOutcome } from './support/rawHttp.js';
import type { RouteSpec } from './support/routeTable.js';
import { routeTable } from './support/routeTable.js';
import { demoEmail, login } from './support/session.js';
import { alteredTables, rowsAdded, snapshotTables } from './support/tableSnapshot.js';

const PLANS = {
  short: { perRoute: 4, unauthenticatedPerRoute: 1 },
  long: { perRoute: 30, unauthenticatedPerRoute: 4 },
};
const CONCURRENCY = 6;
const REQUEST_TIMEOUT_MS = 15_000;
const SEED = 20_261_128;
/** Collections whose first record stands in for `{id}`: hostile input then reaches a real record. */
const REAL_ID_COLLECTIONS = ['students', 'appointments', 'incidents', 'inventory', 'alerts', 'notifications'];
const LOGOUT = 'POST /api/v1/auth/logout';
const LOGIN = 'POST /api/v1/auth/login';

interface Tally {
  requests: number;
  byClass: Record<'2xx' | '3xx' | '4xx' | '5xx', number>;
  hung: number;
  connectionErrors: number;
  /** Route and case of the first few 5xx answers, hangs and dropped connections. */
  findings: string[];
}

async function realIds(url: string, token: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const collection of REAL_ID_COLLECTIONS) {
    const found = await apiGet<{ data?: Array<{ id: string }> }>(url, `/api/v1/${collection}`, token).catch(
      () => ({ data: [] }),
    );
    const id = found.data?.[0]?.id;
    if (id) ids.set(`/api/v1/${collection}/{id}`, id);
  }
  return ids;
}

/** The admin's token, signed in again after a case logged it out. */
function adminSession(url: string) {
  let token: Promise<string> | null = null;
  return {
    token: () => (token ??= login(url, demoEmail('ADMIN'))),
    ended: () => {
      token = null;
    },
  };
}

function record(tally: Tally, hostile: HostileCase, outcome: RawOutcome, authenticated: boolean): void {
  tally.requests += 1;
  const who = authenticated ? 'admin' : 'anonymous';
  const note = (what: string) => {
    if (tally.findings.length < 8) tally.findings.push(`${what} ${hostile.route} [${hostile.label}, ${who}]`);
  };
  if (outcome.kind === 'hung') {
    tally.hung += 1;
    note('hung');
  } else if (outcome.kind === 'error') {
    tally.connectionErrors += 1;
    note(`dropped(${outcome.code})`);
  } else {
    const cls = `${Math.min(5, Math.max(2, Math.floor(outcome.status / 100)))}xx` as keyof Tally['byClass'];
    tally.byClass[cls] += 1;
    if (outcome.status >= 500) note(String(outcome.status));
  }
}

function planCases(routes: RouteSpec[], ids: Map<string, string>, plan: (typeof PLANS)['short']) {
  const idFor = (route: RouteSpec, param: string) => {
    const prefix = [...ids.keys()].find((p) => route.path.startsWith(p));
    if (param === 'id' && prefix) return ids.get(prefix)!;
    if (param === 'studentId') return ids.get('/api/v1/students/{id}') ?? randomUUID();
    return param === 'queueName' ? 'drill-queue' : randomUUID();
  };
  const jobs: Array<{ hostile: HostileCase; authenticated: boolean }> = [];
  routes.forEach((route, index) => {
    const all = casesFor(route, idFor);
    if (route.authenticated) {
      for (const hostile of pick(all, plan.perRoute, SEED + index))
        jobs.push({ hostile, authenticated: true });
    }
    const anonymous = route.authenticated ? plan.unauthenticatedPerRoute : plan.perRoute;
    for (const hostile of pick(all, anonymous, SEED - index)) jobs.push({ hostile, authenticated: false });
  });
  return jobs;
}

export const badInputDrill: Drill = async ({ short }): Promise<DrillResult> => {
  const plan = short ? PLANS.short : PLANS.long;
  const environment = await createDrillEnvironment('bad-input');
  // The simulators stand in for the outside systems, so integration routes answer as configured.
  const appEnv = { ...environment.appEnv, SIMULATORS: 'auto' };
  let app: AppProcess | undefined;
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  try {
    const routes = await routeTable(appEnv);
    app = await startApp(appEnv);
    const session = adminSession(app.url);
    const jobs = planCases(routes, await realIds(app.url, await session.token()), plan);
    const before = await snapshotTables(environment.databaseUrl);
    const tally: Tally = {
      requests: 0,
      byClass: { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 },
      hung: 0,
      connectionErrors: 0,
      findings: [],
    };
    const origin = new URL(app.url);
    const run = async (job: (typeof jobs)[number]) => {
      const request = job.hostile.request();
      const headers = { ...request.headers };
      if (job.authenticated) headers.authorization = `Bearer ${await session.token()}`;
      const outcome = await sendRaw(
        origin,
        { ...request, headers },
        { agent, timeoutMs: REQUEST_TIMEOUT_MS },
      );
      record(tally, job.hostile, outcome, job.authenticated);
      if (job.hostile.route === LOGOUT && job.authenticated) session.ended();
    };
    const inParallel = async (batch: typeof jobs) => {
      const queue = [...batch];
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          for (let job = queue.shift(); job; job = queue.shift()) await run(job);
        }),
      );
    };
    await inParallel(jobs.filter((j) => j.hostile.route !== LOGOUT && j.hostile.route !== LOGIN));
    // One at a time, each on a fresh session, so no other request loses its token.
    for (const job of jobs.filter((j) => j.hostile.route === LOGOUT)) await run(job);
    // Junk logins soon throttle this address, so nothing signs in after them.
    await inParallel(jobs.filter((j) => j.hostile.route === LOGIN));

    await sleep(200);
    const alive = app.child.exitCode === null && app.child.signalCode === null;
    const ready = await isReady(app.url);
    const after = await snapshotTables(environment.databaseUrl);
    const altered = alteredTables(before, after);
    const figures: Record<string, number | string> = {
      routes: routes.length,
      requests: tally.requests,
      responses2xx: tally.byClass['2xx'],
      responses3xx: tally.byClass['3xx'],
      responses4xx: tally.byClass['4xx'],
      responses5xx: tally.byClass['5xx'],
      hung: tally.hung,
      connectionErrors: tally.connectionErrors,
      alive: alive ? 1 : 0,
      ready: ready ? 1 : 0,
      rowsAdded: rowsAdded(before, after),
      tablesAltered: altered.length,
    };
    if (altered.length > 0) figures.altered = altered.join(',');
    if (tally.findings.length > 0) figures.findings = JSON.stringify(tally.findings);
    return {
      name: 'bad-input',
      passed:
        tally.byClass['5xx'] === 0 &&
        tally.hung === 0 &&
        tally.connectionErrors === 0 &&
        alive &&
        ready &&
        altered.length === 0,
      figures,
    };
  } finally {
    agent.destroy();
    await app?.stop();
    await environment.cleanup();
  }
};
