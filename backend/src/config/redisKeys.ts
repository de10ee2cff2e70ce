import type { Redis } from 'ioredis';

/** Deletes every key under a pattern with SCAN, never KEYS or FLUSH (the Redis may be shared). */
export async function deleteKeysMatching(redis: Redis, pattern: string): Promise<number> {
  const prefix = redis.options.keyPrefix ?? '';
  let cursor = '0';
  let deleted = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}${pattern}`, 'COUNT', 500);
    cursor = next;
    if (keys.length > 0) {
      // SCAN returns full key names; the client would add the prefix again, so strip it.
      deleted += await redis.del(...keys.map((k) => k.slice(prefix.length)));
    }
  } while (cursor !== '0');
  return deleted;
}
