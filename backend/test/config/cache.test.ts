import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cache, cacheKeys } from '../../src/config/cache.js';
import {
  bearer,
  createOrganization,
  createStudent,
  type TestOrganization,
  type TestUser,
} from '../helpers/fixtures.js';
import { allergyPayload } from '../helpers/healthRecords.js';
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

  it('answers the same JSON text on a miss and on a hit, loading once for a burst', async () => {
    const c = client();
    const cache = new Cache(c);
    await new Promise((r) => c.once('ready', r));
    let loads = 0;
    const value = { at: new Date('2026-01-02T03:04:05.000Z'), n: 1.5, text: 'é "quoted"' };
    const load = async () => {
      loads += 1;
      await new Promise((r) => setTimeout(r, 50));
      return value;
    };
    const misses = await Promise.all(Array.from({ length: 10 }, () => cache.getOrLoadJson('j', 60, load)));
    expect(loads).toBe(1);
    expect(new Set(misses)).toEqual(new Set([JSON.stringify(value)]));
    expect(await cache.getOrLoadJson('j', 60, load)).toBe(JSON.stringify(value));
    expect(loads).toBe(1);
    expect(await cache.get('j')).toEqual(JSON.parse(JSON.stringify(value)));
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
    expect((JSON.parse(fresh.payload) as { firstName: string }).firstName).toBe('Fresh');
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
    const fresh = JSON.parse((await profile(student.id)).payload) as {
      allergies: Array<{ allergen: string }>;
      alerts: unknown[];
    };
    expect(t.server.app.cache.stats().misses).toBe(misses + 1);
    expect(fresh.allergies.map((a) => a.allergen)).toEqual(['Peanut']);
    expect(fresh.alerts).toHaveLength(1);
  });

  it('answers a miss and a hit with the same bytes, whole to a nurse or admin, cut for a viewer', async () => {
    const student = await createStudent(t.server, org, { firstName: 'Bytes' });
    const posted = await t.server.inject({
      method: 'POST',
      url: `/api/v1/students/${student.id}/allergies`,
      headers: bearer(org.nurse),
      payload: allergyPayload({ notes: 'Only the nurse reads this' }),
    });
    expect(posted.statusCode).toBe(201);
    const read = async (user: TestUser) => {
      const res = await t.server.inject({ url: `/api/v1/students/${student.id}`, headers: bearer(user) });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      return res.payload;
    };
    // A viewer's read is the miss: the cache still keeps the whole profile for the others.
    const misses = t.server.app.cache.stats().misses;
    const viewerMiss = await read(org.viewer);
    expect(t.server.app.cache.stats().misses).toBe(misses + 1);
    const nurseHit = await read(org.nurse);
    expect(nurseHit).toContain('Only the nurse reads this');
    expect(viewerMiss).not.toContain('Only the nurse reads this');
    expect(await read(org.viewer)).toBe(viewerMiss);
    expect(await read(org.admin)).toBe(nurseHit);
    // The text sent is the serialized profile itself: parsing and re-serializing changes nothing.
    expect(JSON.stringify(JSON.parse(nurseHit))).toBe(nurseHit);

    await t.server.app.cache.invalidate(cacheKeys.studentProfile(org.id, student.id));
    expect(await read(org.nurse)).toBe(nurseHit);
    expect(t.server.app.cache.stats().misses).toBe(misses + 2);
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
      expect((JSON.parse(res.payload) as { firstName: string }).firstName).toBe('Outage');
      expect(t.server.app.cache.stats().bypassed).toBeGreaterThan(0);
    } finally {
      await redis.start();
    }
  });
});
