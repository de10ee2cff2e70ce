/**
 * The Prometheus metrics of one server: its own prom-client Registry (tests run several servers
 * in one process, so never the global default one) with typed helpers for the code that counts,
 * and collect-time readers for what is better read than counted (sockets, circuits, cache).
 * The Node process metrics come from one registry per process: they describe the process, and
 * a collector set per server would add GC observers and event-loop timers for every test server.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export type JobOutcome = 'completed' | 'failed';
export type CircuitStateName = 'closed' | 'half-open' | 'open';

/** What the cache reports about itself (config/cache.ts's CacheStats, narrowed). */
export interface CacheCounts {
  hits: number;
  misses: number;
  bypassed: number;
}

/** What the alerts module counts: the two events an operator watches during an emergency. */
export interface AlertMetrics {
  alertSent(severity: string): void;
  alertAcknowledged(severity: string): void;
}

export interface AppMetrics extends AlertMetrics {
  readonly contentType: string;
  /** The exposition text: this server's families, then the process's. */
  render(): Promise<string>;
  observeRequest(method: string, route: string, status: number, seconds: number): void;
  jobFinished(queue: string, outcome: JobOutcome, seconds: number | null): void;
  watchSocketConnections(count: () => number): void;
  watchCircuits(states: () => ReadonlyArray<{ name: string; state: CircuitStateName }>): void;
  watchCache(stats: () => CacheCounts): void;
}

const PREFIX = 'whitecross_';
const CIRCUIT_STATE_VALUE: Record<CircuitStateName, number> = { closed: 0, 'half-open': 1, open: 2 };
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Jobs run from milliseconds (a sweep with nothing due) to minutes (a district's roster sync). */
const JOB_BUCKETS = [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 900];

let processRegistry: Registry | undefined;

/** Created on the first scrape, so a server nobody scrapes (a test's) starts no collectors. */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

export function createMetrics(): AppMetrics {
  const registry = new Registry();
  const registers = [registry];
  let sockets: () => number = () => 0;
  let circuits: () => ReadonlyArray<{ name: string; state: CircuitStateName }> = () => [];
  let cache: () => CacheCounts = () => ({ hits: 0, misses: 0, bypassed: 0 });

  const httpRequests = new Counter({
    name: `${PREFIX}http_requests_total`,
    help: 'HTTP requests answered, by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers,
  });
  const httpDuration = new Histogram({
    name: `${PREFIX}http_request_duration_seconds`,
    help: 'Time from receiving an HTTP request to finishing its response',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: HTTP_BUCKETS,
    registers,
  });
  new Gauge({
    name: `${PREFIX}socket_connections`,
    help: 'Socket.io connections open on this replica',
    registers,
    collect() {
      this.set(sockets());
    },
  });
  const alertsSent = new Counter({
    name: `${PREFIX}alerts_sent_total`,
    help: 'Emergency alerts raised and broadcast, by severity',
    labelNames: ['severity'] as const,
    registers,
  });
  const alertsAcknowledged = new Counter({
    name: `${PREFIX}alerts_acknowledged_total`,
    help: 'First acknowledgements of an emergency alert by a user, by severity',
    labelNames: ['severity'] as const,
    registers,
  });
  const jobs = new Counter({
    name: `${PREFIX}jobs_total`,
    help: 'Job attempts finished by this replica, by queue and outcome (a retried job counts per attempt)',
    labelNames: ['queue', 'outcome'] as const,
    registers,
  });
  const jobDuration = new Histogram({
    name: `${PREFIX}job_duration_seconds`,
    help: 'Processing time of a job attempt, by queue and outcome',
    labelNames: ['queue', 'outcome'] as const,
    buckets: JOB_BUCKETS,
    registers,
  });
  // The cache keeps its own running totals; a scrape copies them (reset + inc keeps them counters).
  const cacheCounter = (name: string, help: string, read: (c: CacheCounts) => number) =>
    new Counter({
      name: `${PREFIX}${name}`,
      help,
      registers,
      collect() {
        this.reset();
        this.inc(read(cache()));
      },
    });
  cacheCounter('cache_hits_total', 'Cache lookups answered from Redis', (c) => c.hits);
  cacheCounter(
    'cache_misses_total',
    'Cache lookups that found nothing and loaded from PostgreSQL',
    (c) => c.misses,
  );
  cacheCounter(
    'cache_bypassed_total',
    'Cache calls answered without Redis because it was down',
    (c) => c.bypassed,
  );
  new Gauge({
    name: `${PREFIX}integration_circuit_state`,
    help: 'Circuit breaker state per outside system: 0 closed, 1 half-open, 2 open',
    labelNames: ['integration'] as const,
    registers,
    collect() {
      this.reset();
      for (const { name, state } of circuits()) this.set({ integration: name }, CIRCUIT_STATE_VALUE[state]);
    },
  });

  let merged: Registry | undefined;
  return {
    contentType: registry.contentType,
    render() {
      merged ??= Registry.merge([registry, processMetrics()]);
      return merged.metrics();
    },
    observeRequest(method, route, status, seconds) {
      const labels = { method, route, status: String(status) };
      httpRequests.inc(labels);
      httpDuration.observe(labels, seconds);
    },
    jobFinished(queue, outcome, seconds) {
      jobs.inc({ queue, outcome });
      if (seconds !== null) jobDuration.observe({ queue, outcome }, seconds);
    },
    alertSent: (severity) => alertsSent.inc({ severity }),
    alertAcknowledged: (severity) => alertsAcknowledged.inc({ severity }),
    watchSocketConnections(count) {
      sockets = count;
    },
    watchCircuits(states) {
      circuits = states;
    },
    watchCache(stats) {
      cache = stats;
    },
  };
}
