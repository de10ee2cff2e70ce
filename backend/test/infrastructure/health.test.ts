import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createOrganization } from '../helpers/fixtures.js';
import { ownRedis, type OwnRedis } from '../helpers/redisServer.js';
import { startTestServer, type TestServer } from '../helpers/testServer.js';

let t: TestServer;
let redis: OwnRedis;

beforeAll(async () => {
  redis = await ownRedis();
  t = await startTestServer({ REDIS_URL: redis.url });
});
afterAll(async () => {
  await t?.stop();
  await redis?.destroy();
});

const get = (url: string) => t.server.inject({ url });

async function waitForStatus(url: string, status: number, withinMs: number): Promise<number> {
  const started = Date.now();
  let last = 0;
  while (Date.now() - started < withinMs) {
    last = (await get(url)).statusCode;
    if (last === status) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  return last;
}

describe('health routes', () => {
  it('reports every component with the documented shape', async () => {
    const res = await get('/health');
    expect(res.statusCode).toBe(200);
    expect(res.result).toMatchObject({
      status: 'healthy',
      environment: 'test',
      components: { database: { status: 'healthy' }, redis: { status: 'healthy' } },
    });
    expect(typeof (res.result as { uptime: number }).uptime).toBe('number');
  });

  it('is ready while Postgres and Redis answer; live always', async () => {
    expect((await get('/health/ready')).statusCode).toBe(200);
    expect((await get('/health/live')).statusCode).toBe(200);
  });

  it('goes not-ready within 5 s of Redis stopping, stays live, keeps serving from Postgres, and recovers', async () => {
    const org = await createOrganization(t.server);
    await redis.stop();

    expect(await waitForStatus('/health/ready', 503, 5_000)).toBe(503);
    expect((await get('/health/live')).statusCode).toBe(200);
    const health = await get('/health');
    expect(health.statusCode).toBe(503);
    expect(health.result).toMatchObject({
      status: 'unhealthy',
      components: { redis: { status: 'unhealthy' } },
    });

    // Sessions fall back to Postgres: a nurse is not logged out by a cache outage.
    const students = await t.server.inject({ url: '/api/v1/students', headers: bearer(org.nurse) });
    expect(students.statusCode).toBe(200);

    await redis.start();
    expect(await waitForStatus('/health/ready', 200, 10_000)).toBe(200);
  });

  it('answers not-ready once draining has begun', async () => {
    t.server.app.health.startDraining();
    const res = await get('/health/ready');
    expect(res.statusCode).toBe(503);
    expect(res.result).toMatchObject({ status: 'draining' });
    expect((await get('/health/live')).statusCode).toBe(200);
  });
});
