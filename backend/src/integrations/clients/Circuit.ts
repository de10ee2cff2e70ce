/**
 * One API's circuit breaker (cockatiel) plus the counters the admin route and /health show.
 *
 * Closed: calls go through; transient failures are counted. Once the threshold is reached the
 * circuit opens and every call fails fast with IntegrationUnavailable, without touching the
 * network, until `resetTimeoutMs` has passed; then the next call is a trial (half-open): its
 * success closes the circuit, its failure opens it again for another period.
 * A refusal (a 4xx other than 408/429) means the remote is up: it counts as a success here
 * and is handed back to the caller unchanged.
 */
import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  SamplingBreaker,
  circuitBreaker,
  handleAll,
  type CircuitBreakerPolicy,
  type IBreaker,
} from 'cockatiel';
import { IntegrationUnavailable } from './integrationErrors.js';

export type CircuitThreshold =
  /** Opens after this many failures in a row. */
  | { consecutiveFailures: number }
  /** Opens when this share (0..1) of calls fails within the rolling window (with enough traffic). */
  | { failureRate: number; windowMs: number; minimumRps?: number };

export interface CircuitOptions {
  threshold: CircuitThreshold;
  resetTimeoutMs: number;
}

export type CircuitStateName = 'closed' | 'open' | 'half-open';

export interface CircuitSnapshot {
  state: CircuitStateName;
  /** Counted since start-up. `rejects` are calls failed fast while the circuit was open. */
  failures: number;
  successes: number;
  rejects: number;
  lastFailureAt: string | null;
  openedAt: string | null;
  /** While open: when the next call may go through as a trial. */
  nextAttemptAt: string | null;
}

/** Wraps a refusal so cockatiel records the call as a success; unwrapped again after. */
class Refusal {
  constructor(readonly error: unknown) {}
}

function breakerFor(threshold: CircuitThreshold): IBreaker {
  if ('consecutiveFailures' in threshold) return new ConsecutiveBreaker(threshold.consecutiveFailures);
  return new SamplingBreaker({
    threshold: threshold.failureRate,
    duration: threshold.windowMs,
    minimumRps: threshold.minimumRps,
  });
}

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

export class Circuit {
  private readonly policy: CircuitBreakerPolicy;
  private failures = 0;
  private successes = 0;
  private rejects = 0;
  private lastFailureAt: number | undefined;
  private openedAt: number | undefined;

  constructor(
    private readonly name: string,
    private readonly options: CircuitOptions,
    private readonly isFailure: (error: unknown) => boolean,
    onChange: (state: CircuitStateName) => void = () => undefined,
  ) {
    this.policy = circuitBreaker(handleAll, {
      halfOpenAfter: options.resetTimeoutMs,
      breaker: breakerFor(options.threshold),
    });
    this.policy.onFailure(({ handled }) => {
      if (!handled) return;
      this.failures += 1;
      this.lastFailureAt = Date.now();
    });
    this.policy.onSuccess(() => {
      this.successes += 1;
    });
    this.policy.onBreak(() => {
      this.openedAt = Date.now();
      onChange('open');
    });
    this.policy.onHalfOpen(() => onChange('half-open'));
    this.policy.onReset(() => {
      this.openedAt = undefined;
      onChange('closed');
    });
  }

  /** Throws IntegrationUnavailable (counted as a reject) while the circuit fails fast. */
  admit(): void {
    if (this.failsFast()) throw this.openError();
  }

  /** Runs one attempt through the breaker; fails fast with IntegrationUnavailable while open. */
  async run<T>(attempt: () => Promise<T>): Promise<T> {
    this.admit();
    let outcome: T | Refusal;
    try {
      outcome = await this.policy.execute(async () => {
        try {
          return await attempt();
        } catch (error) {
          if (this.isFailure(error)) throw error;
          return new Refusal(error);
        }
      });
    } catch (error) {
      // Opened by a concurrent call between our check and execute, or a failed trial's peers.
      if (error instanceof BrokenCircuitError) throw this.openError();
      throw error;
    }
    if (outcome instanceof Refusal) throw outcome.error;
    return outcome;
  }

  /** Open and still inside the reset period: a call now would be refused without a try. */
  failsFast(now = Date.now()): boolean {
    return this.policy.state === CircuitState.Open && now < this.nextAttemptAt();
  }

  snapshot(now = Date.now()): CircuitSnapshot {
    return {
      state: this.stateName(now),
      failures: this.failures,
      successes: this.successes,
      rejects: this.rejects,
      lastFailureAt: iso(this.lastFailureAt),
      openedAt: iso(this.openedAt),
      nextAttemptAt: this.openedAt === undefined ? null : iso(this.nextAttemptAt()),
    };
  }

  private stateName(now: number): CircuitStateName {
    switch (this.policy.state) {
      case CircuitState.Closed:
        return 'closed';
      case CircuitState.HalfOpen:
        return 'half-open';
      default:
        // cockatiel half-opens lazily on the next call; once the period is over, that call is a trial.
        return this.failsFast(now) || this.policy.state === CircuitState.Isolated ? 'open' : 'half-open';
    }
  }

  private nextAttemptAt(): number {
    return (this.openedAt ?? 0) + this.options.resetTimeoutMs;
  }

  private openError(): IntegrationUnavailable {
    this.rejects += 1;
    const waitMs = Math.max(0, this.nextAttemptAt() - Date.now());
    return new IntegrationUnavailable(this.name, 'circuit-open', {
      retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
    });
  }
}
