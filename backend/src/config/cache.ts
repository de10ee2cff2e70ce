/**
 * The Redis cache (DESIGN.md's strategy table). Every key lives under `cache:` with a TTL.
 * Reads are cache-aside with single flight: a burst of misses on one key in this process
 * does one load. While Redis is down every call goes straight to the loader (counted, and
 * logged once per outage), so requests still answer from Postgres.
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { deleteKeysMatching } from './redisKeys.js';

/** Seconds, per the strategy table. */
export const CACHE_TTL = {
  studentProfile: 5 * 60,
  inventory: 2 * 60,
  lookup: 24 * 60 * 60,
  report: 15 * 60,
} as const;

export const cacheKeys = {
  /** The full profile; each caller's view (a VIEWER sees less) is cut from it on the way out. */
  studentProfile: (organizationId: string, studentId: string) =>
    `student:${organizationId}:${studentId}:profile`,
  inventory: (organizationId: string) => `inventory:${organizationId}`,
  lookup: (name: string) => `lookup:${name}`,
  /** A report's family of keys (one per filter and date): see getOrLoadInFamily. */
  report: (organizationId: string, name: string) => `report:${organizationId}:${name}`,
};

export interface CacheStats {
  hits: number;
  misses: number;
  /** Calls answered without Redis because it was unreachable. */
  bypassed: number;
  hitRate: number | null;
}

const PREFIX = 'cache:';
const generationKey = (family: string) => `${family}:generation`;

export class Cache {
  private readonly inFlight = new Map<string, Promise<unknown>>();
  /** getOrLoadJson's loads apart from getOrLoad's: those answer text, these the value. */
  private readonly inFlightJson = new Map<string, Promise<string>>();
  private hits = 0;
  private misses = 0;
  private bypassed = 0;
  private outageLogged = false;

  constructor(
    private readonly redis: Redis,
    private readonly warn: (message: string) => void = () => undefined,
  ) {
    redis.on('ready', () => {
      this.outageLogged = false;
    });
  }

  /** The cached value, or undefined on a miss or while Redis is down. */
  async get<T>(key: string): Promise<T | undefined> {
    const json = await this.getJson(key);
    return json === undefined ? undefined : (JSON.parse(json) as T);
  }

  /** The cached value's JSON text as stored, or undefined on a miss or while Redis is down. */
  async getJson(key: string): Promise<string | undefined> {
    try {
      const json = await this.redis.get(PREFIX + key);
      if (json === null) {
        this.misses += 1;
        return undefined;
      }
      this.hits += 1;
      return json;
    } catch {
      this.noteBypass();
      return undefined;
    }
  }

  async set(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    await this.setJson(key, JSON.stringify(value), ttlSeconds);
  }

  private async setJson(key: string, json: string, ttlSeconds: number): Promise<void> {
    try {
      await this.redis.set(PREFIX + key, json, 'EX', ttlSeconds);
    } catch {
      this.noteBypass();
    }
  }

  /** Cache-aside with single flight: concurrent misses on one key share one load. */
  async getOrLoad<T>(key: string, ttlSeconds: number, load: () => Promise<T>): Promise<T> {
    const cached = await this.get<T>(key);
    if (cached !== undefined) return cached;
    return this.loadOnce(this.inFlight as Map<string, Promise<T>>, key, async () => {
      const value = await load();
      await this.set(key, value, ttlSeconds);
      return value;
    });
  }

  /**
   * getOrLoad answering the value's JSON text, as stored: a caller that sends the value on
   * unchanged (a full student profile) skips a JSON.parse and a JSON.stringify per hit, and
   * a miss answers the very text a hit would.
   */
  async getOrLoadJson(key: string, ttlSeconds: number, load: () => Promise<unknown>): Promise<string> {
    const cached = await this.getJson(key);
    if (cached !== undefined) return cached;
    return this.loadOnce(this.inFlightJson, key, async () => {
      const json = JSON.stringify(await load());
      await this.setJson(key, json, ttlSeconds);
      return json;
    });
  }

  private loadOnce<T>(inFlight: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
    const pending = inFlight.get(key);
    if (pending) return pending;
    const loading = load().finally(() => inFlight.delete(key));
    inFlight.set(key, loading);
    return loading;
  }

  /**
   * getOrLoad for one member of a family of keys dropped together (a report's variants per
   * filter and date). The key names the family's current generation and invalidateFamily
   * starts a new one, so one SET drops every member (no SCAN), and a load that began before
   * a write can only fill the old generation, which no read after the write asks for.
   */
  async getOrLoadInFamily<T>(
    family: string,
    member: string,
    ttlSeconds: number,
    load: () => Promise<T>,
  ): Promise<T> {
    let generation: string | null;
    try {
      // Bookkeeping, not a cached value: counted as neither hit nor miss.
      generation = await this.redis.get(PREFIX + generationKey(family));
    } catch {
      this.noteBypass();
      return load();
    }
    return this.getOrLoad(`${family}:${generation ?? '0'}:${member}`, ttlSeconds, load);
  }

  /** After a committed write: every member of the family misses from now on. */
  async invalidateFamily(family: string, memberTtlSeconds: number): Promise<void> {
    try {
      // Outlives the members of the generation before it: when it lapses, no generation-0
      // member written before the first invalidation can still be there to come back.
      const ttl = 2 * memberTtlSeconds;
      await this.redis.set(PREFIX + generationKey(family), randomUUID(), 'EX', ttl);
    } catch {
      this.noteBypass();
    }
  }

  async invalidate(...keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    try {
      await this.redis.del(...keys.map((k) => PREFIX + k));
    } catch {
      this.noteBypass();
    }
  }

  /** Deletes every cached key matching a glob (manual refresh of lookups, say). */
  async invalidatePattern(pattern: string): Promise<void> {
    try {
      await deleteKeysMatching(this.redis, PREFIX + pattern);
    } catch {
      this.noteBypass();
    }
  }

  stats(): CacheStats {
    const lookups = this.hits + this.misses;
    return {
      hits: this.hits,
      misses: this.misses,
      bypassed: this.bypassed,
      hitRate: lookups === 0 ? null : this.hits / lookups,
    };
  }

  private noteBypass(): void {
    this.bypassed += 1;
    if (this.outageLogged) return;
    this.outageLogged = true;
    this.warn('Redis unavailable: cache bypassed, answering from PostgreSQL');
  }
}

/** After any write to a student or one of their sub-records. */
export function invalidateStudentCache(
  cache: Cache,
  organizationId: string,
  studentId: string,
): Promise<void> {
  return cache.invalidate(cacheKeys.studentProfile(organizationId, studentId));
}
