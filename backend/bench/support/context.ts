/**
 * What `npm run bench` hands every section, and what a section hands back: one row per
 * figure of the seed's benchmark table, with the raw library's figure from the same run.
 */
import type { AppProcess } from '../../drills/support/appProcess.js';

export interface BenchUser {
  id: string;
  email: string;
  password: string;
  /** A fresh access token for this user (REST `Authorization: Bearer`, socket `auth.token`). */
  token: string;
}

/** The district loaded into the bench database before any section runs. */
export interface BenchDistrict {
  organizationId: string;
  schoolIds: string[];
  /** Every student's id (5,000 by default). */
  studentIds: string[];
  /** Nurses of the district, each with a token; sections needing several nurses take from here. */
  nurses: BenchUser[];
  admin: BenchUser;
  /** Strings that find students through `GET /api/v1/students?search=` (names, numbers). */
  searchTerms: string[];
}

export interface BenchEnvironment {
  databaseUrl: string;
  redisUrl: string;
  /** The app's REDIS_KEY_PREFIX (BullMQ keys live under `${keyPrefix}bull`, as in the app). */
  keyPrefix: string;
  /** The production environment the app processes run with (spread it to start more). */
  appEnv: Record<string, string>;
}

export interface BenchContext {
  env: BenchEnvironment;
  /** The real server (`src/index.ts`, NODE_ENV=production, LOG_LEVEL=info into `logFile`). */
  app: AppProcess;
  logFile: string;
  district: BenchDistrict;
  /** Another replica over the same database and Redis prefix; the harness stops it at the end. */
  startReplica(): Promise<AppProcess>;
}

export interface BenchRow {
  /** The seed table's area: 'WebSocket', 'Jobs', 'PDF', 'Cache', 'API', 'Health'. */
  section: string;
  /** What was measured, with its unit and the load: 'alert POST -> 1,000 sockets, p99 (2 replicas)'. */
  metric: string;
  /** The seed's target for this metric ('< 100 ms'), or '' where the seed has none. */
  seedTarget: string;
  /** Our figure, formatted with its unit. */
  ours: string;
  /** The bare library's figure from this same run, formatted, or '' where there is none. */
  raw: string;
  /** ours / raw for throughputs, ours / raw for latencies too; null where there is no raw figure. */
  ratio: number | null;
  /** Issue 10's target for this row ('>= 0.50', '<= 1.5x', '< 2 ms'), or '' where there is none. */
  target: string;
  /** Whether the target was met; null where there is no target. */
  met: boolean | null;
}

export interface BenchSection {
  /** Short name for `npm run bench -- <names>`: 'websocket', 'jobs', 'pdf', 'cache', 'api', 'health'. */
  name: string;
  run(context: BenchContext): Promise<BenchRow[]>;
}
