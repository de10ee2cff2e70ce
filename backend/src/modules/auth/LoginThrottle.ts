/**
 * Failed-login counting per account and per client address, in Redis so every replica sees
 * the same counts (rate-limiter-flexible; an in-memory limiter stands in while Redis is down).
 * The per-address limit is far higher than the per-account one: a whole school shares one.
 */
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';

export interface ThrottleSettings {
  maxFailuresPerAccount: number;
  maxFailuresPerIp: number;
  windowSeconds: number;
}

function limiter(redis: Redis, keyPrefix: string, points: number, duration: number): RateLimiterRedis {
  return new RateLimiterRedis({
    storeClient: redis,
    keyPrefix,
    points,
    duration,
    insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration }),
  });
}

export class LoginThrottle {
  private readonly byAccount: RateLimiterRedis;
  private readonly byIp: RateLimiterRedis;

  constructor(redis: Redis, settings: ThrottleSettings) {
    this.byAccount = limiter(
      redis,
      'login-fail:account',
      settings.maxFailuresPerAccount,
      settings.windowSeconds,
    );
    this.byIp = limiter(redis, 'login-fail:ip', settings.maxFailuresPerIp, settings.windowSeconds);
  }

  /** Seconds until another attempt is allowed, or 0 when not blocked. */
  async secondsBlocked(account: string, ip: string | null): Promise<number> {
    const checks: Array<[RateLimiterAbstract, string]> = [[this.byAccount, account]];
    if (ip) checks.push([this.byIp, ip]);
    let wait = 0;
    for (const [rl, key] of checks) {
      const res = await rl.get(key);
      if (res && res.consumedPoints >= rl.points) wait = Math.max(wait, Math.ceil(res.msBeforeNext / 1000));
    }
    return wait;
  }

  async recordFailure(account: string, ip: string | null): Promise<void> {
    // consume() rejects once the limit is passed; the count still went up, which is all we need.
    await this.byAccount.consume(account).catch(() => undefined);
    if (ip) await this.byIp.consume(ip).catch(() => undefined);
  }

  async recordSuccess(account: string): Promise<void> {
    await this.byAccount.delete(account).catch(() => undefined);
  }
}
