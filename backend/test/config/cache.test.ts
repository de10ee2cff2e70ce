import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cache } from '../../src/config/cache.js';
import { bearer, createOrganization, createStudent, type TestOrganization } from '../helpers/fixtures.js';
import { ownRedis, type OwnRedis } from '../helpers/redisServer.js';
import { uniqueName } from '../helpers/services.js';
import { startTestServer, type TestServer } from '../helpers/testServer.js';

let redis: OwnRedis;
let t: TestServer;
let org: TestOrganization;

beforeAll(async () => {
  redis = await ownRedis();
  t = await startTestServer({ REDIS_URL: redis.url });
  org = await createOrganization(t.server);
});
afterAll(async () => {
  await t?.stop();
  await redis?.destroy();
});

function client(): Redis {
  const c = new Redis(redis.url, { keyPrefix: `${uniqueName('wc:cachetest')}:`, enableOfflineQueue: false });
  c.on('error', () => undefined);
  return c;
}

describe('Cache', () => {
  it('loads once for a burst of concurrent misses on one key (single flight)', async () => {
    const c = client();
    const cache = new Cache(c);
    await new Promise((r) => c.once('ready', r));
    let loads = 0;
    const load = async () => {
      loads += 1;
      await new Promise((r) => setTimeout(r, 50));
      return { value: 42 };
    };
    const results = await Promise.all(Array.from({ length: 25 }, () => cache.getOrLoad('k', 60, load)));
    expect(loads).toBe(1);
    expect(results.every((r) => r.value === 42)).toBe(true);
    expect(await cache.getOrLoad('k', 60, load)).toEqual({ value: 42 });
    expect(loads).toBe(1);
    expect(await c.ttl('cache:k')).toBeGreaterThan(0);
    c.disconnect();
  });
});

describe('student profile cache', () => {
  const profile = (id: string) =>
    t.server.inject({ url: `/api/v1/students/${id}`, headers: bearer(org.nurse) });

  it('serves the second read from the cache and a write makes the next read fresh', async () => {
    const student = await createStudent(t.server, org, { firstName: 'Cached' });
    const before = t.server.app.cache.stats();
    expect((await profile(student.id)).statusCode).toBe(200);
    const afterFirst = t.server.app.cache.stats();
    expect(afterFirst.misses).toBe(before.misses + 1);

    expect((await profile(student.id)).statusCode).toBe(200);
    expect(t.server.app.cache.stats().hits).toBe(afterFirst.hits + 1);

    await t.server.inject({
      method: 'PATCH',
      url: `/api/v1/students/${student.id}`,
      headers: bearer(org.nurse),
      payload: { firstName: 'Fresh' },
    });
    const missesBefore = t.server.app.cache.stats().misses;
    const fresh = await profile(student.id);
    expect((fresh.result as { firstName: string }).firstName).toBe('Fresh');
    expect(t.server.app.cache.stats().misses).toBe(missesBefore + 1);
  });

  it('a new allergy makes the next read a miss that shows it, with its alert', async () => {
    const student = await createStudent(t.server, org);
    await profile(student.id);
    await profile(student.id);
    const posted = await t.server.inject({
      method: 'POST',
      url: `/api/v1/students/${student.id}/allergies`,
      headers: bearer(org.nurse),
      payload: {
        allergen: 'Peanut',
        allergyType: 'FOOD',
        severity: 'LIFE_THREATENING',
        reactions: ['anaphylaxis'],
      },
    });
    expect(posted.statusCode).toBe(201);
    const misses = t.server.app.cache.stats().misses;
    const fresh = (await profile(student.id)).result as {
      allergies: Array<{ allergen: string }>;
      alerts: unknown[];
    };
    expect(t.server.app.cache.stats().misses).toBe(misses + 1);
    expect(fresh.allergies.map((a) => a.allergen)).toEqual(['Peanut']);
    expect(fresh.alerts).toHaveLength(1);
  });

  it('audits every read, cached or not', async () => {
    const student = await createStudent(t.server, org);
    await profile(student.id);
    await profile(student.id);
    const row = await t.server.app.sequelize.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'student.read' AND entity_id = :id`,
      { replacements: { id: student.id }, plain: true },
    );
    expect(row).toEqual({ n: 2 });
  });

  it('still answers from Postgres while Redis is down', async () => {
    const student = await createStudent(t.server, org, { firstName: 'Outage' });
    await redis.stop();
    try {
      const res = await profile(student.id);
      expect(res.statusCode).toBe(200);
      expect((res.result as { firstName: string }).firstName).toBe('Outage');
      expect(t.server.app.cache.stats().bypassed).toBeGreaterThan(0);
    } finally {
      await redis.start();
    }
  });
});
