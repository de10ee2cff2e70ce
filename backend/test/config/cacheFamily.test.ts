/** Families of cache keys dropped together (the compliance summaries of one organization). */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cache } from '../../src/config/cache.js';
import { TEST_REDIS_URL, uniqueName } from '../helpers/services.js';
import { removeRedisPrefix } from '../helpers/testServer.js';

const prefix = `${uniqueName('wc:cachefamily')}:`;
let redis: Redis;
let cache: Cache;

beforeAll(async () => {
  redis = new Redis(TEST_REDIS_URL, { keyPrefix: prefix, enableOfflineQueue: false });
  await new Promise((resolve) => redis.once('ready', resolve));
  cache = new Cache(redis);
});
afterAll(async () => {
  redis?.disconnect();
  await removeRedisPrefix(prefix);
});

describe('Cache families', () => {
  it('serves members from the cache until the family is invalidated, then loads each afresh', async () => {
    let version = 1;
    const load = async () => ({ version });
    expect(await cache.getOrLoadInFamily('fam-a', 'x', 60, load)).toEqual({ version: 1 });
    expect(await cache.getOrLoadInFamily('fam-a', 'y', 60, load)).toEqual({ version: 1 });
    version = 2;
    expect(await cache.getOrLoadInFamily('fam-a', 'x', 60, load)).toEqual({ version: 1 });

    await cache.invalidateFamily('fam-a', 60);
    expect(await cache.getOrLoadInFamily('fam-a', 'x', 60, load)).toEqual({ version: 2 });
    expect(await cache.getOrLoadInFamily('fam-a', 'y', 60, load)).toEqual({ version: 2 });
    // The generation outlives its members, so a lapsed one cannot bring an old member back.
    expect(await redis.ttl('cache:fam-a:generation')).toBeGreaterThan(60);
  });

  it('never keeps what a load begun before the write read: the next read loads again', async () => {
    let version = 1;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slowLoad = async () => {
      const seen = version;
      await gate;
      return { version: seen };
    };
    const early = cache.getOrLoadInFamily('fam-b', 'x', 60, slowLoad);
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The write commits and invalidates while the early load is still running.
    version = 2;
    await cache.invalidateFamily('fam-b', 60);
    release();
    expect(await early).toEqual({ version: 1 });

    const next = await cache.getOrLoadInFamily('fam-b', 'x', 60, async () => ({ version }));
    expect(next).toEqual({ version: 2 });
  });

  it('counts member lookups only, not the generation read', async () => {
    const before = cache.stats();
    await cache.getOrLoadInFamily('fam-c', 'x', 60, async () => 1);
    await cache.getOrLoadInFamily('fam-c', 'x', 60, async () => 1);
    const after = cache.stats();
    expect({ hits: after.hits - before.hits, misses: after.misses - before.misses }).toEqual({
      hits: 1,
      misses: 1,
    });
  });
});
