/**
 * The cache-aside read path under load: GET /api/v1/students/{id} for students whose profile
 * is already in Redis, 50 connections for 10 s, as one nurse. The Cache and API sections both
 * show it (against bare hapi + Redis GET, and against bare hapi), so it is measured once per
 * run and shared. The app's counters prove the figure is of hits: a miss during the run fails it.
 */
import { Redis } from 'ioredis';
import { runLoad, type LoadResult } from './autocannon.js';
import { countersSince, readCacheCounters } from './cacheCounters.js';
import type { BenchContext } from './context.js';

export const CACHED_READ_CONNECTIONS = 50;
export const CACHED_READ_SECONDS = 10;
/** Students cycled through; each connection starts at its own place in the list. */
const STUDENTS = 300;

export interface CachedProfileRead extends LoadResult {
  /** Bytes of the median cached profile among the students read. */
  profileBytes: number;
  /** The Redis key (no client prefix) of a cached profile of that median size. */
  medianProfileKey: string;
}

const measured = new WeakMap<BenchContext, Promise<CachedProfileRead>>();

export function measureCachedProfileRead(ctx: BenchContext): Promise<CachedProfileRead> {
  let result = measured.get(ctx);
  if (!result) {
    result = measure(ctx);
    measured.set(ctx, result);
  }
  return result;
}

async function measure(ctx: BenchContext): Promise<CachedProfileRead> {
  const { organizationId, studentIds, nurses } = ctx.district;
  const students = studentIds.slice(0, STUDENTS);
  const headers = { authorization: `Bearer ${nurses[0]!.token}` };
  const sizes: Array<{ id: string; bytes: number }> = [];
  for (const id of students) {
    const response = await fetch(`${ctx.app.url}/api/v1/students/${id}`, { headers });
    if (!response.ok) throw new Error(`warming the profile of ${id}: ${response.status}`);
    sizes.push({ id, bytes: (await response.arrayBuffer()).byteLength });
  }
  sizes.sort((a, b) => a.bytes - b.bytes);
  const median = sizes[Math.floor(sizes.length / 2)]!;

  const before = await readCacheCounters(ctx.app.url);
  const load = await runLoad({
    url: ctx.app.url,
    headers,
    connections: CACHED_READ_CONNECTIONS,
    durationSeconds: CACHED_READ_SECONDS,
    paths: students.map((id) => `/api/v1/students/${id}`),
  });
  const during = countersSince(before, await readCacheCounters(ctx.app.url));
  if (during.misses > 0 || during.bypassed > 0) {
    throw new Error(
      `the cached read run missed the cache ${during.misses} times (bypassed ${during.bypassed}): not a cached figure`,
    );
  }
  return {
    ...load,
    profileBytes: median.bytes,
    medianProfileKey: `${ctx.env.keyPrefix}cache:student:${organizationId}:${median.id}:profile`,
  };
}

/** Copies a Redis value under another full key (TTL 10 min); the caller deletes it. */
export async function copyRedisValue(redisUrl: string, from: string, to: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    const value = await redis.get(from);
    if (value === null) throw new Error(`${from} is not in Redis`);
    await redis.set(to, value, 'EX', 600);
  } finally {
    redis.disconnect();
  }
}

export async function deleteRedisKey(redisUrl: string, key: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    await redis.del(key);
  } finally {
    redis.disconnect();
  }
}
