/**
 * Drill 4, outside system outage: the SIS (the OneRoster simulator, in this process) goes down
 * in the middle of an admin's roster sync, after `pagesBeforeOutage` pages of students. The
 * app's SIS circuit must open, the sync job must retry on its own after the SIS returns and
 * complete, and the students written (read back through the API) must match the roster: every
 * active roster student once, no duplicates from the pages written before the outage.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { OneRosterSimulator, SIMULATOR_CREDENTIALS } from '../src/integrations/simulators/index.js';
import type { Drill, DrillResult } from './drill.js';
import { apiGet, apiGetAll, apiSend } from './support/api.js';
import { startApp, type AppProcess } from './support/appProcess.js';
import { createDrillEnvironment } from './support/drillEnvironment.js';
import { demoEmail, login } from './support/session.js';
import { outageAfter } from './support/simulatorOutage.js';

const PAGE_SIZE = 10;
const PLANS = {
  // 78 seeded roster students: 8 pages.
  short: { extraStudents: 0, pagesBeforeOutage: 3, outageMs: 6_000, completeWithinMs: 45_000 },
  long: { extraStudents: 240, pagesBeforeOutage: 12, outageMs: 20_000, completeWithinMs: 120_000 },
};
const GRADES = ['KG', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'];
const POLL_MS = 100;
const DOWN_WITHIN_MS = 30_000;

interface IntegrationStatus {
  name: string;
  state: string;
}
interface SyncRun {
  status: string;
  created: number;
}
interface QueueSummary {
  name: string;
  failed: number;
}
interface StudentView {
  studentNumber: string | null;
  isActive: boolean;
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  const timeout = sleep(ms, undefined, { ref: false }).then(() => {
    throw new Error(what);
  });
  return Promise.race([promise, timeout]);
}

/** Polls the admin integrations route until stopped; remembers whether the SIS circuit was seen open. */
function watchCircuit(url: string, token: string) {
  let opened = false;
  let stopped = false;
  const done = (async () => {
    while (!stopped) {
      const statuses = await apiGet<{ data: IntegrationStatus[] }>(url, '/api/v1/admin/integrations', token)
        .then((r) => r.data)
        .catch(() => []);
      if (statuses.some((s) => s.name === 'sis' && s.state === 'open')) opened = true;
      await sleep(POLL_MS);
    }
  })();
  return {
    opened: () => opened,
    async stop() {
      stopped = true;
      await done;
    },
  };
}

/** The runs (newest first) once the newest succeeded, or when the job gave up or time ran out. */
async function waitForOutcome(url: string, token: string, withinMs: number): Promise<SyncRun[]> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const { data: runs } = await apiGet<{ data: SyncRun[] }>(
      url,
      '/api/v1/admin/integrations/sis/runs?limit=100',
      token,
    );
    if (runs[0]?.status === 'succeeded' || Date.now() > deadline) return runs;
    const { data: queues } = await apiGet<{ data: QueueSummary[] }>(url, '/api/v1/admin/queues', token);
    if ((queues.find((q) => q.name === 'sis-sync')?.failed ?? 0) > 0 && runs[0]?.status !== 'running')
      return runs;
    await sleep(POLL_MS * 2);
  }
}

export const sisOutageDrill: Drill = async ({ short }): Promise<DrillResult> => {
  const plan = short ? PLANS.short : PLANS.long;
  const sis = new OneRosterSimulator(SIMULATOR_CREDENTIALS.sis);
  for (let i = 0; i < plan.extraStudents; i += 1) {
    sis.roster.addStudent({
      givenName: `Drill${i}`,
      familyName: 'Student',
      grade: GRADES[i % GRADES.length]!,
    });
  }
  const roster = sis.roster.data.users.filter((u) => u.role === 'student' && u.status === 'active');
  const environment = await createDrillEnvironment('sis-outage');
  let app: AppProcess | undefined;
  try {
    const sisUrl = await sis.listen(0);
    app = await startApp({
      ...environment.appEnv,
      SIS_API_URL: sisUrl,
      SIS_CLIENT_ID: SIMULATOR_CREDENTIALS.sis.clientId,
      SIS_CLIENT_SECRET: SIMULATOR_CREDENTIALS.sis.clientSecret,
      SIS_PAGE_SIZE: String(PAGE_SIZE),
      SIS_RATE_LIMIT_PER_SECOND: '1000',
      INTEGRATION_RETRIES: '1',
      INTEGRATION_RETRY_DELAY_MS: '50',
      INTEGRATION_TIMEOUT_MS: '2000',
      INTEGRATION_CIRCUIT_FAILURES: '3',
      INTEGRATION_CIRCUIT_RESET_MS: '1500',
    });
    const token = await login(app.url, demoEmail('ADMIN'));
    const outage = outageAfter(sis, { path: '/students', afterRequests: plan.pagesBeforeOutage });
    const circuit = watchCircuit(app.url, token);

    await apiSend(app.url, 'POST', '/api/v1/admin/integrations/sis/sync', token, { mode: 'full' });
    await withTimeout(outage.down, DOWN_WITHIN_MS, 'the sync never reached the page where the SIS goes down');
    await sleep(plan.outageMs);
    await outage.restore();
    const runs = await waitForOutcome(app.url, token, plan.completeWithinMs);
    await circuit.stop();

    const identifiers = new Set(roster.map((u) => u.identifier));
    const students = (
      await apiGetAll<StudentView>(app.url, '/api/v1/students?includeInactive=true', token)
    ).filter((s) => s.studentNumber !== null && identifiers.has(s.studentNumber));
    const numbers = students.map((s) => s.studentNumber);
    const duplicates = numbers.length - new Set(numbers).size;
    const studentsSynced = students.filter((s) => s.isActive).length;
    const runStatus = runs[0]?.status ?? 'none';
    const figures = {
      pagesBeforeOutage: outage.answeredBefore(),
      writtenBeforeOutage: runs.at(-1)?.created ?? 0,
      outageMs: plan.outageMs,
      circuitOpened: circuit.opened() ? 1 : 0,
      attempts: runs.length,
      runStatus,
      studentsExpected: roster.length,
      studentsSynced,
      duplicates,
    };
    return {
      name: 'sis-outage',
      passed:
        figures.circuitOpened === 1 &&
        runStatus === 'succeeded' &&
        studentsSynced === roster.length &&
        duplicates === 0,
      figures,
    };
  } finally {
    await app?.stop();
    await sis.close();
    await environment.cleanup();
  }
};
