/**
 * The only reader of process.env. Every setting is validated here once, typed and frozen;
 * a bad value stops start-up with the full list of what is wrong.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Joi from 'joi';

/** The repository root: backend/src/config (or backend/dist/config) -> ../../.. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Shipped in .env.example and as the development fallback: production refuses it. */
export const EXAMPLE_JWT_SECRET = 'change-me-to-a-long-random-string-of-at-least-32-chars';

/** The CMS example NPI and the simulator's payer id: fine outside production, refused in it. */
const EXAMPLE_MEDICAID_NPI = '1234567893';
const EXAMPLE_MEDICAID_PAYER_ID = 'SKMCD0001';

/** What a Medicaid 270 names: us (provider, submitter) and the payer; see .env.example. */
export interface MedicaidX12Settings {
  providerNpi: string;
  providerName: string;
  payerId: string;
  payerName: string;
  /** ISA06/GS02. */
  submitterId: string;
  /** ISA08/GS03. */
  receiverId: string;
  /** TRN03: '1' + our EIN, or '9' + an id we assign ourselves. */
  traceOriginatorId: string;
  /** ISA15: T test, P production. */
  usage: 'T' | 'P';
}

export type NodeEnv = 'development' | 'test' | 'production';
export type AppRole = 'all' | 'api' | 'worker';

export interface AppConfig {
  nodeEnv: NodeEnv;
  isProduction: boolean;
  appRole: AppRole;
  version: string;
  host: string;
  port: number;
  logLevel: string;
  corsOrigins: string[];
  trustProxy: boolean;
  shutdownTimeoutMs: number;
  /** How long a stopping process keeps serving with readiness at 503, so load balancers route away first. */
  shutdownDrainDelayMs: number;
  spaDistDir: string;
  database: {
    /** Unset means "start the embedded PostgreSQL" (never in production). */
    url: string | undefined;
    poolMax: number;
    ssl: boolean;
    embeddedDir: string;
  };
  redis: {
    /** Unset means "127.0.0.1:6379, or a child redis-server" (never in production). */
    url: string | undefined;
    keyPrefix: string;
    embeddedDir: string;
  };
  auth: {
    jwtSecret: string;
    jwtIssuer: string;
    jwtAudience: string;
    jwtTtlMinutes: number;
    sessionTtlMinutes: number;
    idleLogoutMinutes: number;
    maxFailuresPerAccount: number;
    maxFailuresPerIp: number;
    failureWindowMinutes: number;
  };
  demoPassword: string | undefined;
  socket: {
    /** How often the server pings each socket, and how long it waits for the pong. */
    pingIntervalMs: number;
    pingTimeoutMs: number;
  };
  alerts: {
    /** An emergency alert nobody has acknowledged within this many seconds is escalated. */
    escalationSeconds: number;
  };
  jobs: {
    /** Jobs each worker runs at once, per queue; `concurrencyOverrides` wins for a named queue. */
    concurrency: number;
    concurrencyOverrides: Record<string, number>;
    /** How long shutdown waits for active jobs before closing workers by force. */
    shutdownTimeoutMs: number;
    /** A queue with more failed jobs than this degrades /health. */
    failedThreshold: number;
    /** First retry delay; exponential backoff doubles it per attempt. */
    backoffDelayMs: number;
    /** Cron patterns of the recurring sweeps; null when turned off ("off"). */
    medicationReminderCron: string | null;
    immunizationAlertCron: string | null;
    inventoryMaintenanceCron: string | null;
    /** Sends appointment reminders whose delayed job never made it into Redis. */
    appointmentReminderSweepCron: string | null;
    /** Pulls the roster from the SIS for every organization; does nothing while no SIS is configured. */
    sisSyncCron: string | null;
    /** Sends new immunizations of every organization to the state registry, when one is configured. */
    dataExportCron: string | null;
    /** The time zone the crons are read in (a district's midnight, not the server's). */
    scheduleTimeZone: string;
  };
  reports: {
    /** How long a queued report's PDF can be fetched once it is ready (or its failure seen). */
    ttlMinutes: number;
    /** Most rows a PDF may hold when downloaded directly; a larger one is queued instead. */
    syncMaxRows: number;
  };
  integrations: {
    /** `maxPerSecond`: requests per second to that API, counted in Redis across all replicas. */
    sis: {
      url?: string;
      clientId?: string;
      clientSecret?: string;
      maxPerSecond: number;
      /** The OneRoster version spoken (`v1p1` or `v1p2`). */
      version: 'v1p1' | 'v1p2';
      /** The OAuth2 token endpoint; unset means `<origin of url>/oauth/token`. */
      tokenUrl?: string;
      /** Records asked for per page (`limit`). */
      pageSize: number;
    };
    stateRegistry: {
      url?: string;
      username?: string;
      password?: string;
      /** The facility id the registry assigned us (SOAP facilityID). */
      facilityId: string;
      maxPerSecond: number;
    };
    medicaid: { url?: string; apiKey?: string; maxPerSecond: number } & MedicaidX12Settings;
    /** What every outbound client shares (BaseApiClient). */
    client: {
      timeoutMs: number;
      /** Retries of an idempotent request after a network error, 408, 429 or 5xx. */
      retries: number;
      /** First retry delay; it doubles per retry, plus up to 20% jitter. */
      retryDelayMs: number;
      /** Consecutive failures that open an API's circuit. */
      circuitFailureThreshold: number;
      /** How long an open circuit fails fast before it lets one trial request through. */
      circuitResetMs: number;
      /** Longest a request waits for a rate limit, ours or the API's Retry-After, before failing. */
      rateLimitMaxWaitMs: number;
    };
    /** `auto`: start the local simulators for the APIs whose URL is unset (never in production by default). */
    simulators: { mode: 'auto' | 'off'; port: number };
  };
  monitoring: { sentryDsn?: string; datadogApiKey?: string; newRelicLicenseKey?: string };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const optionalString = Joi.string().trim().empty('');

/** Five or six cron fields (BullMQ reads them), or "off" to run no schedule for that sweep. */
const CRON = /^(off|[\d*,/?LW#A-Za-z-]+(\s+[\d*,/?LW#A-Za-z-]+){4,5})$/;
const cronOrOff = Joi.string().trim().pattern(CRON).messages({
  'string.pattern.base': '{{#label}} must be a cron pattern of 5 or 6 fields, or "off"',
});

function cronValue(raw: string): string | null {
  return raw === 'off' ? null : raw;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
const minutes = Joi.number()
  .integer()
  .min(1)
  .max(60 * 24 * 30);

const schema = Joi.object({
  NODE_ENV: Joi.string().valid('development', 'test', 'production').default('development'),
  APP_ROLE: Joi.string().valid('all', 'api', 'worker').default('all'),
  HOST: Joi.string().default('0.0.0.0'),
  PORT: Joi.number().port().default(3001),
  LOG_LEVEL: Joi.string().valid('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent').default('info'),
  CORS_ORIGIN: optionalString,
  TRUST_PROXY: Joi.boolean().default(false),
  SHUTDOWN_TIMEOUT_MS: Joi.number().integer().min(0).max(600_000).default(10_000),
  SHUTDOWN_DRAIN_DELAY_MS: Joi.number().integer().min(0).max(600_000).default(0),
  SPA_DIST_DIR: optionalString,

  DATABASE_URL: Joi.string()
    .uri({ scheme: ['postgres', 'postgresql'] })
    .empty(''),
  DATABASE_POOL_MAX: Joi.number().integer().min(1).max(200).default(10),
  DATABASE_SSL: Joi.boolean().default(false),
  EMBEDDED_PG_DIR: optionalString,

  REDIS_URL: Joi.string()
    .uri({ scheme: ['redis', 'rediss'] })
    .empty(''),
  REDIS_HOST: optionalString,
  REDIS_PORT: Joi.number().port().empty(''),
  REDIS_PASSWORD: optionalString,
  REDIS_KEY_PREFIX: Joi.string()
    .pattern(/^[A-Za-z0-9:_-]+$/)
    .default('wc:'),
  EMBEDDED_REDIS_DIR: optionalString,

  JWT_SECRET: optionalString,
  JWT_ISSUER: Joi.string().default('white-cross'),
  JWT_AUDIENCE: Joi.string().default('white-cross-api'),
  JWT_TTL_MINUTES: minutes.default(12 * 60),
  SESSION_TTL_MINUTES: minutes.default(30),
  IDLE_LOGOUT_MINUTES: minutes.default(15),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: Joi.number().integer().min(1).max(1000).default(5),
  LOGIN_MAX_FAILURES_PER_IP: Joi.number().integer().min(1).max(100_000).default(50),
  LOGIN_FAILURE_WINDOW_MINUTES: minutes.default(15),
  DEMO_PASSWORD: Joi.string().min(8).max(128).empty(''),

  SOCKET_PING_INTERVAL_MS: Joi.number().integer().min(1_000).max(300_000).default(25_000),
  SOCKET_PING_TIMEOUT_MS: Joi.number().integer().min(1_000).max(300_000).default(20_000),
  ALERT_ESCALATION_SECONDS: Joi.number().integer().min(1).max(86_400).default(60),

  JOBS_CONCURRENCY: Joi.number().integer().min(1).max(1_000).default(5),
  JOBS_CONCURRENCY_OVERRIDES: Joi.string()
    .trim()
    .pattern(/^([a-z-]+=\d+)(,[a-z-]+=\d+)*$/)
    .empty(''),
  JOBS_SHUTDOWN_TIMEOUT_MS: Joi.number().integer().min(0).max(600_000).default(10_000),
  JOBS_FAILED_THRESHOLD: Joi.number().integer().min(0).max(10_000_000).default(50),
  JOBS_BACKOFF_DELAY_MS: Joi.number().integer().min(1).max(3_600_000).default(1_000),
  MEDICATION_REMINDER_CRON: cronOrOff.default('0 */6 * * *'),
  IMMUNIZATION_ALERT_CRON: cronOrOff.default('0 0 * * *'),
  INVENTORY_MAINTENANCE_CRON: cronOrOff.default('*/15 * * * *'),
  APPOINTMENT_REMINDER_SWEEP_CRON: cronOrOff.default('5 * * * *'),
  SIS_SYNC_CRON: cronOrOff.default('30 2 * * *'),
  DATA_EXPORT_CRON: cronOrOff.default('0 3 * * *'),
  JOB_SCHEDULE_TIME_ZONE: Joi.string()
    .trim()
    .default('UTC')
    .custom((zone: string, helpers) => (isTimeZone(zone) ? zone : helpers.error('any.invalid'))),

  REPORT_TTL_MINUTES: Joi.number()
    .integer()
    .min(1)
    .max(7 * 24 * 60)
    .default(15),
  // Drawing blocks the event loop (about 1 s per 1,000 log rows): alerts share it.
  REPORT_SYNC_MAX_ROWS: Joi.number().integer().min(1).max(10_000).default(1_000),

  SIS_API_URL: Joi.string().uri().empty(''),
  SIS_CLIENT_ID: optionalString,
  SIS_CLIENT_SECRET: optionalString,
  SIS_ONEROSTER_VERSION: Joi.string().valid('v1p1', 'v1p2').empty('').default('v1p1'),
  SIS_TOKEN_URL: Joi.string().uri().empty(''),
  SIS_PAGE_SIZE: Joi.number().integer().min(1).max(1_000).default(100),
  STATE_REGISTRY_URL: Joi.string().uri().empty(''),
  STATE_REGISTRY_USERNAME: optionalString,
  STATE_REGISTRY_PASSWORD: optionalString,
  STATE_REGISTRY_FACILITY_ID: Joi.string()
    .trim()
    .pattern(/^[A-Za-z0-9_-]{1,50}$/)
    .empty('')
    .default('WHITECROSS'),
  MEDICAID_API_URL: Joi.string().uri().empty(''),
  MEDICAID_API_KEY: optionalString,
  SIS_RATE_LIMIT_PER_SECOND: Joi.number().min(0.1).max(10_000).default(10),
  STATE_REGISTRY_RATE_LIMIT_PER_SECOND: Joi.number().min(0.1).max(10_000).default(5),
  MEDICAID_RATE_LIMIT_PER_SECOND: Joi.number().min(0.1).max(10_000).default(5),
  // What the X12 270 says about us; the defaults suit the local simulator (see .env.example).
  MEDICAID_PROVIDER_NPI: Joi.string()
    .pattern(/^\d{10}$/)
    .empty('')
    .default(EXAMPLE_MEDICAID_NPI),
  MEDICAID_PROVIDER_NAME: Joi.string().trim().max(60).empty('').default('WHITE CROSS SCHOOL HEALTH'),
  MEDICAID_PAYER_ID: Joi.string()
    .pattern(/^[A-Za-z0-9]{2,80}$/)
    .empty('')
    .default(EXAMPLE_MEDICAID_PAYER_ID),
  MEDICAID_PAYER_NAME: Joi.string().trim().max(60).empty('').default('STATE MEDICAID'),
  MEDICAID_SUBMITTER_ID: Joi.string()
    .pattern(/^[A-Za-z0-9]{2,15}$/)
    .empty('')
    .default('WHITECROSS'),
  MEDICAID_RECEIVER_ID: Joi.string()
    .pattern(/^[A-Za-z0-9]{2,15}$/)
    .empty(''),
  MEDICAID_TRACE_ORIGINATOR_ID: Joi.string()
    .pattern(/^[139][A-Za-z0-9]{9}$/)
    .empty('')
    .default('9WHITECROS'),
  MEDICAID_X12_USAGE: Joi.string()
    .valid('T', 'P')
    .empty('')
    .default((parent: { NODE_ENV?: string }) => (parent.NODE_ENV === 'production' ? 'P' : 'T')),
  INTEGRATION_TIMEOUT_MS: Joi.number().integer().min(100).max(300_000).default(10_000),
  INTEGRATION_RETRIES: Joi.number().integer().min(0).max(10).default(3),
  INTEGRATION_RETRY_DELAY_MS: Joi.number().integer().min(1).max(60_000).default(200),
  INTEGRATION_CIRCUIT_FAILURES: Joi.number().integer().min(1).max(1_000).default(5),
  INTEGRATION_CIRCUIT_RESET_MS: Joi.number().integer().min(10).max(3_600_000).default(30_000),
  INTEGRATION_RATE_LIMIT_WAIT_MS: Joi.number().integer().min(100).max(600_000).default(10_000),
  // Simulators stand in for outside systems: production must name the real ones (or say "auto").
  SIMULATORS: Joi.string()
    .valid('auto', 'off')
    .empty('')
    .default((parent: { NODE_ENV?: string }) => (parent.NODE_ENV === 'production' ? 'off' : 'auto')),
  SIMULATORS_PORT: Joi.number().port().default(0),

  SENTRY_DSN: optionalString,
  DATADOG_API_KEY: optionalString,
  NEW_RELIC_LICENSE_KEY: optionalString,
}).unknown(true);

type RawEnv = Record<string, string | undefined>;

function redisUrlFrom(v: Record<string, unknown>): string | undefined {
  if (v.REDIS_URL) return v.REDIS_URL as string;
  if (!v.REDIS_HOST) return undefined;
  const auth = v.REDIS_PASSWORD ? `:${encodeURIComponent(v.REDIS_PASSWORD as string)}@` : '';
  return `redis://${auth}${v.REDIS_HOST as string}:${(v.REDIS_PORT as number | undefined) ?? 6379}`;
}

function productionProblems(v: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const secret = v.JWT_SECRET as string | undefined;
  if (!secret) problems.push('JWT_SECRET is required in production');
  else if (secret === EXAMPLE_JWT_SECRET)
    problems.push('JWT_SECRET is the example value from .env.example; set a random secret');
  else if (secret.length < 32) problems.push('JWT_SECRET must be at least 32 characters in production');
  if (!v.DATABASE_URL) problems.push('DATABASE_URL is required in production (no embedded PostgreSQL)');
  if (!redisUrlFrom(v))
    problems.push('REDIS_URL (or REDIS_HOST) is required in production (no local redis-server)');
  if (v.MEDICAID_API_URL && v.MEDICAID_PROVIDER_NPI === EXAMPLE_MEDICAID_NPI)
    problems.push('MEDICAID_PROVIDER_NPI is the example NPI; set the district health office NPI');
  if (v.MEDICAID_API_URL && v.MEDICAID_PAYER_ID === EXAMPLE_MEDICAID_PAYER_ID)
    problems.push("MEDICAID_PAYER_ID is the simulator's; set the state Medicaid payer id");
  return problems;
}

/** `report-generation=2,data-export=1` -> { 'report-generation': 2, 'data-export': 1 }. */
function parseOverrides(raw: string | undefined): Record<string, number> {
  const overrides: Record<string, number> = {};
  for (const pair of raw ? raw.split(',') : []) {
    const [name, value] = pair.split('=');
    if (name && value) overrides[name] = Math.max(1, Number(value));
  }
  return overrides;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** Reads, validates and freezes the configuration. Throws ConfigError listing every problem. */
export function loadConfig(source: RawEnv = process.env): AppConfig {
  const { value: v, error } = schema.validate(source, { abortEarly: false, convert: true });
  const problems = error ? error.details.map((d) => d.message.replace(/"/g, '')) : [];
  if (!error && v.NODE_ENV === 'production') problems.push(...productionProblems(v));
  if (problems.length > 0) throw new ConfigError(problems);

  const nodeEnv = v.NODE_ENV as NodeEnv;
  const config: AppConfig = {
    nodeEnv,
    isProduction: nodeEnv === 'production',
    appRole: v.APP_ROLE,
    version: (v.npm_package_version as string | undefined) ?? '0.1.0',
    host: v.HOST,
    port: v.PORT,
    logLevel: v.LOG_LEVEL,
    corsOrigins: v.CORS_ORIGIN ? (v.CORS_ORIGIN as string).split(',').map((o) => o.trim()) : [],
    trustProxy: v.TRUST_PROXY,
    shutdownTimeoutMs: v.SHUTDOWN_TIMEOUT_MS,
    shutdownDrainDelayMs: v.SHUTDOWN_DRAIN_DELAY_MS,
    spaDistDir: v.SPA_DIST_DIR ?? path.join(REPO_ROOT, 'frontend', 'dist'),
    database: {
      url: v.DATABASE_URL,
      poolMax: v.DATABASE_POOL_MAX,
      ssl: v.DATABASE_SSL,
      embeddedDir: v.EMBEDDED_PG_DIR ?? path.join(REPO_ROOT, '.data', 'postgres'),
    },
    redis: {
      url: redisUrlFrom(v),
      keyPrefix: v.REDIS_KEY_PREFIX,
      embeddedDir: v.EMBEDDED_REDIS_DIR ?? path.join(REPO_ROOT, '.data', 'redis'),
    },
    auth: {
      // Outside production an unset secret falls back to the example one; production refused it above.
      jwtSecret: v.JWT_SECRET ?? EXAMPLE_JWT_SECRET,
      jwtIssuer: v.JWT_ISSUER,
      jwtAudience: v.JWT_AUDIENCE,
      jwtTtlMinutes: v.JWT_TTL_MINUTES,
      sessionTtlMinutes: v.SESSION_TTL_MINUTES,
      idleLogoutMinutes: v.IDLE_LOGOUT_MINUTES,
      maxFailuresPerAccount: v.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      maxFailuresPerIp: v.LOGIN_MAX_FAILURES_PER_IP,
      failureWindowMinutes: v.LOGIN_FAILURE_WINDOW_MINUTES,
    },
    demoPassword: v.DEMO_PASSWORD,
    socket: { pingIntervalMs: v.SOCKET_PING_INTERVAL_MS, pingTimeoutMs: v.SOCKET_PING_TIMEOUT_MS },
    alerts: { escalationSeconds: v.ALERT_ESCALATION_SECONDS },
    jobs: {
      concurrency: v.JOBS_CONCURRENCY,
      concurrencyOverrides: parseOverrides(v.JOBS_CONCURRENCY_OVERRIDES as string | undefined),
      shutdownTimeoutMs: v.JOBS_SHUTDOWN_TIMEOUT_MS,
      failedThreshold: v.JOBS_FAILED_THRESHOLD,
      backoffDelayMs: v.JOBS_BACKOFF_DELAY_MS,
      medicationReminderCron: cronValue(v.MEDICATION_REMINDER_CRON),
      immunizationAlertCron: cronValue(v.IMMUNIZATION_ALERT_CRON),
      inventoryMaintenanceCron: cronValue(v.INVENTORY_MAINTENANCE_CRON),
      appointmentReminderSweepCron: cronValue(v.APPOINTMENT_REMINDER_SWEEP_CRON),
      sisSyncCron: cronValue(v.SIS_SYNC_CRON),
      dataExportCron: cronValue(v.DATA_EXPORT_CRON),
      scheduleTimeZone: v.JOB_SCHEDULE_TIME_ZONE,
    },
    reports: { ttlMinutes: v.REPORT_TTL_MINUTES, syncMaxRows: v.REPORT_SYNC_MAX_ROWS },
    integrations: {
      sis: {
        url: v.SIS_API_URL,
        clientId: v.SIS_CLIENT_ID,
        clientSecret: v.SIS_CLIENT_SECRET,
        maxPerSecond: v.SIS_RATE_LIMIT_PER_SECOND,
        version: v.SIS_ONEROSTER_VERSION,
        tokenUrl: v.SIS_TOKEN_URL,
        pageSize: v.SIS_PAGE_SIZE,
      },
      stateRegistry: {
        url: v.STATE_REGISTRY_URL,
        username: v.STATE_REGISTRY_USERNAME,
        password: v.STATE_REGISTRY_PASSWORD,
        facilityId: v.STATE_REGISTRY_FACILITY_ID,
        maxPerSecond: v.STATE_REGISTRY_RATE_LIMIT_PER_SECOND,
      },
      medicaid: {
        url: v.MEDICAID_API_URL,
        apiKey: v.MEDICAID_API_KEY,
        maxPerSecond: v.MEDICAID_RATE_LIMIT_PER_SECOND,
        providerNpi: v.MEDICAID_PROVIDER_NPI,
        providerName: v.MEDICAID_PROVIDER_NAME,
        payerId: v.MEDICAID_PAYER_ID,
        payerName: v.MEDICAID_PAYER_NAME,
        submitterId: v.MEDICAID_SUBMITTER_ID,
        // ISA08/GS03: most state Medicaid payers take their payer id here.
        receiverId: v.MEDICAID_RECEIVER_ID ?? v.MEDICAID_PAYER_ID,
        traceOriginatorId: v.MEDICAID_TRACE_ORIGINATOR_ID,
        usage: v.MEDICAID_X12_USAGE,
      },
      client: {
        timeoutMs: v.INTEGRATION_TIMEOUT_MS,
        retries: v.INTEGRATION_RETRIES,
        retryDelayMs: v.INTEGRATION_RETRY_DELAY_MS,
        circuitFailureThreshold: v.INTEGRATION_CIRCUIT_FAILURES,
        circuitResetMs: v.INTEGRATION_CIRCUIT_RESET_MS,
        rateLimitMaxWaitMs: v.INTEGRATION_RATE_LIMIT_WAIT_MS,
      },
      simulators: { mode: v.SIMULATORS, port: v.SIMULATORS_PORT },
    },
    monitoring: {
      sentryDsn: v.SENTRY_DSN,
      datadogApiKey: v.DATADOG_API_KEY,
      newRelicLicenseKey: v.NEW_RELIC_LICENSE_KEY,
    },
  };
  return deepFreeze(config);
}

/** Copies of config with embedded services resolved to real URLs (start-up and tests). */
export function withResolvedServices(
  config: AppConfig,
  resolved: { databaseUrl: string; redisUrl: string },
): AppConfig {
  return deepFreeze({
    ...config,
    database: { ...config.database, url: resolved.databaseUrl },
    redis: { ...config.redis, url: resolved.redisUrl },
  });
}

export type IntegrationEndpoints = Pick<AppConfig['integrations'], 'sis' | 'stateRegistry' | 'medicaid'>;

/** A copy of config whose integration endpoints point where start-up resolved them (the simulators). */
export function withResolvedIntegrations(config: AppConfig, endpoints: IntegrationEndpoints): AppConfig {
  return deepFreeze({ ...config, integrations: { ...config.integrations, ...endpoints } });
}
