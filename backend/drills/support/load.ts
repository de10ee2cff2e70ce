/**
 * Steady load for drills: requests with a client-side timeout, each one counted, and loops
 * that repeat a kind of request until the drill says stop. A failure is a non-2xx answer, a
 * network error or a client timeout; its kind is kept so a failed drill can say what failed.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export interface Outcome {
  /** Null when no answer came (refused, reset, timed out). */
  status: number | null;
  ms: number;
  body: unknown;
}

export class RequestTally {
  requests = 0;
  failed = 0;
  /** 5xx answers other than 503: a 503 says "try again", anything else is a bug. */
  serverErrors = 0;
  /** The slowest request so far, answered or not. */
  slowestMs = 0;
  private readonly kinds = new Map<string, number>();

  record(outcome: Outcome, kind: string): void {
    this.requests += 1;
    this.slowestMs = Math.max(this.slowestMs, outcome.ms);
    if (outcome.status !== null && outcome.status >= 200 && outcome.status < 300) return;
    this.failed += 1;
    if (outcome.status !== null && outcome.status >= 500 && outcome.status !== 503) this.serverErrors += 1;
    const key = `${kind}:${outcome.status ?? 'none'}`;
    this.kinds.set(key, (this.kinds.get(key) ?? 0) + 1);
  }

  /** `alert:503x2 read:nonex1`, or `none`: a figure that explains failedRequests. */
  failureKinds(): string {
    if (this.kinds.size === 0) return 'none';
    return [...this.kinds].map(([key, count]) => `${key}x${count}`).join(',');
  }
}

export interface SendOptions {
  method?: string;
  headers?: Record<string, string>;
  json?: unknown;
  timeoutMs?: number;
}

/** One request, measured; never throws. */
export async function send(url: string, options: SendOptions = {}): Promise<Outcome> {
  const started = performance.now();
  const headers = { ...options.headers };
  if (options.json !== undefined) headers['content-type'] = 'application/json';
  try {
    const response = await fetch(url, {
      method: options.method ?? 'GET',
      headers,
      body: options.json === undefined ? undefined : JSON.stringify(options.json),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON: kept as text.
    }
    return { status: response.status, ms: performance.now() - started, body };
  } catch {
    return { status: null, ms: performance.now() - started, body: null };
  }
}

/** A flag the loops watch: the drill flips it once to end every loop. */
export class LoadSwitch {
  private on = true;
  get running(): boolean {
    return this.on;
  }
  stop(): void {
    this.on = false;
  }
}

/** Repeats `work` (awaited) with a pause between runs until the switch is off. */
export async function repeat(load: LoadSwitch, pauseMs: number, work: () => Promise<unknown>): Promise<void> {
  while (load.running) {
    await work();
    if (load.running) await sleep(pauseMs);
  }
}

/** Polls `predicate` until it holds or `timeoutMs` passes; answers whether it held. */
export async function eventually(
  predicate: () => boolean | Promise<boolean>,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await predicate()) return true;
    if (Date.now() >= deadline) return false;
    await sleep(100);
  }
}
