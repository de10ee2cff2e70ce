/**
 * The queue dashboard (bull-board) at /admin/queues: an admin's SPA session buys a short-lived
 * HttpOnly cookie; every page, asset and API call under /admin/queues is checked against it
 * (no or bad cookie 401, a non-admin 403), and logout ends access at once.
 */
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getQueueManager } from '../../src/infrastructure/jobs/jobsPlugin.js';
import { ALL_JOB_TYPES, JOB_TYPES } from '../../src/infrastructure/jobs/jobTypes.js';
import {
  createGrant,
  DASHBOARD_COOKIE,
  GRANT_TTL_MS,
} from '../../src/infrastructure/jobs/queueDashboardAuth.js';
import {
  bearer,
  createOrganization,
  createUser,
  type TestOrganization,
  type TestUser,
} from '../helpers/fixtures.js';
import { waitFor } from '../helpers/jobs.js';
import { startTestServer, type TestServer } from '../helpers/testServer.js';

let t: TestServer;
let org: TestOrganization;

beforeAll(async () => {
  t = await startTestServer();
  org = await createOrganization(t.server);
});
afterAll(() => t?.stop());

const SESSION_URL = '/api/v1/admin/queue-dashboard/session';
const QUEUES_API = '/admin/queues/api/queues?activeQueue=&status=latest&page=1&jobsPerPage=10';

function openSession(user: TestUser) {
  return t.server.inject({ method: 'POST', url: SESSION_URL, headers: bearer(user) });
}

function setCookieHeader(res: { headers: Record<string, unknown> }): string {
  const header = res.headers['set-cookie'];
  const cookies = Array.isArray(header) ? (header as string[]) : [String(header ?? '')];
  const cookie = cookies.find((c) => c.startsWith(`${DASHBOARD_COOKIE}=`));
  if (!cookie) throw new Error('no dashboard cookie was set');
  return cookie;
}

/** The `name=value` pair a browser sends back. */
const pairOf = (setCookie: string) => setCookie.split(';')[0]!;

async function dashboardCookie(user: TestUser): Promise<string> {
  const res = await openSession(user);
  expect(res.statusCode).toBe(204);
  return pairOf(setCookieHeader(res));
}

/** A grant sealed exactly as the server seals its own, for cases the API never hands out. */
async function sealed(token: string, now = Date.now()): Promise<string> {
  // hapi's typings know only string values and one header; an iron cookie takes an object,
  // and statehood answers one header per cookie.
  const formatted: string | string[] = await t.server.states.format({
    name: DASHBOARD_COOKIE,
    value: createGrant(token, now) as unknown as string,
    options: {},
  });
  return pairOf(Array.isArray(formatted) ? formatted[0]! : formatted);
}

function get(url: string, cookie?: string) {
  return t.server.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
}

describe('an admin', () => {
  it('gets an HttpOnly, SameSite=Strict cookie scoped to /admin/queues', async () => {
    const res = await openSession(org.admin);

    expect(res.statusCode).toBe(204);
    const attributes = setCookieHeader(res).split(/;\s*/).slice(1);
    expect(attributes).toContain('HttpOnly');
    expect(attributes).toContain('SameSite=Strict');
    expect(attributes).toContain('Path=/admin/queues');
    expect(attributes).toContain(`Max-Age=${GRANT_TTL_MS / 1000}`);
    // Secure only in production (the tests speak plain HTTP).
    expect(attributes).not.toContain('Secure');
    // The cookie is a sealed grant, not the bearer token itself.
    expect(pairOf(setCookieHeader(res))).not.toContain(org.admin.token);
  });

  it('opens the dashboard page, its assets and its API', async () => {
    const cookie = await dashboardCookie(org.admin);

    const page = await get('/admin/queues', cookie);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.payload).toContain('<base href="/admin/queues/"');

    const script = /src="(static\/js\/main\.[^"]+\.js)"/.exec(page.payload)?.[1];
    expect(script).toBeDefined();
    expect((await get(`/admin/queues/${script}`, cookie)).statusCode).toBe(200);
    // Its translations are static files asked for with a cache-busting query string.
    const locale = await get('/admin/queues/static/locales/en-US/messages.json?v=1', cookie);
    expect(locale.statusCode).toBe(200);
    expect((await get('/admin/queues/api/redis/stats', cookie)).statusCode).toBe(200);

    const api = await get(QUEUES_API, cookie);
    expect(api.statusCode).toBe(200);
    const names = (JSON.parse(api.payload) as { queues: Array<{ name: string }> }).queues.map((q) => q.name);
    expect(names.sort()).toEqual([...ALL_JOB_TYPES].sort());
  });

  it('is read-only: a district admin cannot pause, retry or clean the shared queues', async () => {
    const cookie = await dashboardCookie(org.admin);
    const queue = getQueueManager(t.server).queue(JOB_TYPES.DATA_EXPORT);
    for (const action of ['pause', 'retry/failed', 'clean/completed']) {
      const res = await t.server.inject({
        method: 'PUT',
        url: `/admin/queues/api/queues/${JOB_TYPES.DATA_EXPORT}/${action}`,
        headers: { cookie },
      });
      expect(res.statusCode, action).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, action).toBeLessThan(500);
    }
    expect(await queue.isPaused()).toBe(false);
  });

  it("sees a failed job's reason but never its stack trace", async () => {
    const { config } = t;
    const type = JOB_TYPES.INVENTORY_MAINTENANCE;
    const queue = getQueueManager(t.server).queue(type);
    const job = await queue.add(type, {}, { attempts: 1 });
    // This server runs no workers; a bare one fails the job for real, with a stack trace.
    const connection = new Redis(config.redis.url!, { maxRetriesPerRequest: null });
    const worker = new Worker(
      type,
      async () => {
        throw new Error('inventory source unavailable');
      },
      { connection, prefix: `${config.redis.keyPrefix}bull` },
    );
    try {
      await waitFor(async () => (await queue.getJobState(job.id!)) === 'failed');
    } finally {
      await worker.close();
      connection.disconnect();
    }
    expect((await queue.getJob(job.id!))?.stacktrace?.length).toBeGreaterThan(0);
    const cookie = await dashboardCookie(org.admin);

    const list = await get(`/admin/queues/api/queues?activeQueue=${type}&status=failed&page=1`, cookie);
    const listed = (
      JSON.parse(list.payload) as { queues: Array<{ name: string; jobs: Array<Record<string, unknown>> }> }
    ).queues
      .find((q) => q.name === type)!
      .jobs.find((j) => j.id === job.id)!;
    expect(listed.failedReason).toBe('inventory source unavailable');
    expect(listed.stacktrace).toEqual([]);

    const one = await get(`/admin/queues/api/queues/${type}/${job.id}`, cookie);
    expect(one.statusCode).toBe(200);
    expect((JSON.parse(one.payload) as { job: { stacktrace: unknown[] } }).job.stacktrace).toEqual([]);
  });

  it('loses access at once on logout', async () => {
    const admin = await createUser(t.server, org.id, 'ADMIN');
    const cookie = await dashboardCookie(admin);
    expect((await get('/admin/queues', cookie)).statusCode).toBe(200);

    const logout = await t.server.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: bearer(admin),
    });
    expect(logout.statusCode).toBe(204);

    expect((await get('/admin/queues', cookie)).statusCode).toBe(401);
    expect((await get(QUEUES_API, cookie)).statusCode).toBe(401);
  });

  it('can clear the cookie', async () => {
    const res = await t.server.inject({ method: 'DELETE', url: SESSION_URL, headers: bearer(org.admin) });

    expect(res.statusCode).toBe(204);
    const cleared = setCookieHeader(res);
    expect(cleared).toMatch(/Max-Age=0/);
    expect(cleared).toContain('Path=/admin/queues');
  });
});

describe('anyone else', () => {
  it('a nurse or viewer may not open a dashboard session', async () => {
    expect((await openSession(org.nurse)).statusCode).toBe(403);
    expect((await openSession(org.viewer)).statusCode).toBe(403);
    const anonymous = await t.server.inject({ method: 'POST', url: SESSION_URL });
    expect(anonymous.statusCode).toBe(401);
  });

  it('a nurse holding a valid grant is refused with 403', async () => {
    const cookie = await sealed(org.nurse.token);

    expect((await get('/admin/queues', cookie)).statusCode).toBe(403);
    expect((await get(QUEUES_API, cookie)).statusCode).toBe(403);
  });

  it('no cookie is a 401 on pages, assets and the API', async () => {
    for (const url of [
      '/admin/queues',
      '/admin/queues/queue/data-export',
      '/admin/queues/static/favicon-32x32.png',
      QUEUES_API,
    ]) {
      expect((await get(url)).statusCode, url).toBe(401);
    }
    const pause = await t.server.inject({ method: 'PUT', url: '/admin/queues/api/queues/pause' });
    expect(pause.statusCode).toBe(401);
  });

  it('a forged, tampered or expired cookie is a 401', async () => {
    const valid = await dashboardCookie(org.admin);
    const tampered = `${valid.slice(0, -4)}AAAA`;
    const cookies = [
      `${DASHBOARD_COOKIE}=garbage`,
      `${DASHBOARD_COOKIE}=Fe26.2**not-a-sealed-value`,
      // The bearer token itself is no dashboard cookie.
      `${DASHBOARD_COOKIE}=${org.admin.token}`,
      tampered,
      await sealed(org.admin.token, Date.now() - GRANT_TTL_MS - 1_000),
      `${DASHBOARD_COOKIE}="unbalanced`,
    ];
    for (const cookie of cookies) {
      expect((await get('/admin/queues', cookie)).statusCode, cookie).toBe(401);
    }
  });
});
