/**
 * Fault injection for the simulators, so resilience is tested against a real HTTP server:
 * random or counted errors, added latency, a full outage, and a rate limit that answers 429
 * with Retry-After. Settable from tests (`simulator.faults.set({...})`) and over HTTP
 * (`POST /__faults` with the same JSON; `DELETE /__faults` clears them).
 */

export interface RateLimitFault {
  /** Requests accepted per window; the rest are answered 429. */
  limit: number;
  windowMs: number;
  retryAfterSeconds: number;
}

export interface FaultSettings {
  /** Share (0..1) of requests answered with `statusOnError`, at random. */
  errorRate: number;
  /** The next N requests are answered with `statusOnError` (a deterministic burst). */
  failNext: number;
  statusOnError: number;
  /** Added before every answer. */
  latencyMs: number;
  /** Every request fails: `status` answers 503, `reset` drops the connection. */
  outage: boolean;
  outageMode: 'status' | 'reset';
  rateLimit: RateLimitFault | null;
}

export type FaultDecision =
  { kind: 'pass' } | { kind: 'status'; status: number; headers: Record<string, string> } | { kind: 'reset' };

export const NO_FAULTS: Readonly<FaultSettings> = Object.freeze({
  errorRate: 0,
  failNext: 0,
  statusOnError: 503,
  latencyMs: 0,
  outage: false,
  outageMode: 'status',
  rateLimit: null,
});

export class FaultSettingsError extends Error {}

function check(condition: boolean, message: string): void {
  if (!condition) throw new FaultSettingsError(message);
}

const isInt = (v: unknown, min: number, max: number) =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** Validates a partial update (from a test or the HTTP endpoint); throws FaultSettingsError. */
export function parseFaults(input: unknown): Partial<FaultSettings> {
  check(typeof input === 'object' && input !== null && !Array.isArray(input), 'faults must be an object');
  const patch = input as Record<string, unknown>;
  const known = new Set(Object.keys(NO_FAULTS));
  for (const key of Object.keys(patch)) check(known.has(key), `unknown fault "${key}"`);
  const { errorRate, failNext, statusOnError, latencyMs, outage, outageMode, rateLimit } = patch;
  if (errorRate !== undefined)
    check(typeof errorRate === 'number' && errorRate >= 0 && errorRate <= 1, 'errorRate is 0..1');
  if (failNext !== undefined) check(isInt(failNext, 0, 1_000_000), 'failNext is a count');
  if (statusOnError !== undefined) check(isInt(statusOnError, 400, 599), 'statusOnError is 400..599');
  if (latencyMs !== undefined) check(isInt(latencyMs, 0, 120_000), 'latencyMs is 0..120000');
  if (outage !== undefined) check(typeof outage === 'boolean', 'outage is true or false');
  if (outageMode !== undefined)
    check(outageMode === 'status' || outageMode === 'reset', 'outageMode is status or reset');
  if (rateLimit !== undefined && rateLimit !== null) {
    const r = rateLimit as Record<string, unknown>;
    check(isInt(r.limit, 0, 1_000_000), 'rateLimit.limit is a count');
    check(isInt(r.windowMs, 1, 3_600_000), 'rateLimit.windowMs is 1..3600000');
    check(isInt(r.retryAfterSeconds, 0, 86_400), 'rateLimit.retryAfterSeconds is 0..86400');
  }
  return patch as Partial<FaultSettings>;
}

export class FaultInjector {
  private current: FaultSettings = { ...NO_FAULTS };
  private windowStartedAt = 0;
  private windowCount = 0;

  get settings(): Readonly<FaultSettings> {
    return this.current;
  }

  set(patch: Partial<FaultSettings>): Readonly<FaultSettings> {
    this.current = { ...this.current, ...parseFaults(patch) };
    if (patch.rateLimit !== undefined) this.windowCount = 0;
    return this.current;
  }

  reset(): void {
    this.current = { ...NO_FAULTS };
    this.windowCount = 0;
  }

  /** What happens to the request arriving now. */
  decide(now = Date.now()): FaultDecision {
    const f = this.current;
    if (f.outage)
      return f.outageMode === 'reset' ? { kind: 'reset' } : { kind: 'status', status: 503, headers: {} };
    if (f.rateLimit) {
      if (now - this.windowStartedAt >= f.rateLimit.windowMs) {
        this.windowStartedAt = now;
        this.windowCount = 0;
      }
      if (this.windowCount >= f.rateLimit.limit) {
        return {
          kind: 'status',
          status: 429,
          headers: { 'retry-after': String(f.rateLimit.retryAfterSeconds) },
        };
      }
      this.windowCount += 1;
    }
    if (f.failNext > 0) {
      this.current = { ...f, failNext: f.failNext - 1 };
      return { kind: 'status', status: f.statusOnError, headers: {} };
    }
    if (f.errorRate > 0 && Math.random() < f.errorRate) {
      return { kind: 'status', status: f.statusOnError, headers: {} };
    }
    return { kind: 'pass' };
  }
}
