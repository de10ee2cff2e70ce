/**
 * createServer(config): the one place where the server is assembled. Plugins are registered
 * explicitly and in order: infrastructure first, then auth (its strategy must exist before any
 * route uses it), then the business modules, then the SPA's catch-all.
 */
import Boom from '@hapi/boom';
import Hapi, { type Server } from '@hapi/hapi';
import HapiPino from 'hapi-pino';
import { createSequelize, databasePlugin } from './config/database.js';
import type { AppConfig } from './config/env.js';
import { createRedisClient, redisPlugin } from './config/redis.js';
import { errorsPlugin } from './infrastructure/http/errors.js';
import { loggingOptions, type LogDestination } from './infrastructure/http/logging.js';
import { requestIdPlugin } from './infrastructure/http/requestId.js';
import { spaPlugin } from './infrastructure/http/spaPlugin.js';
import { validationDefaults } from './infrastructure/http/validation.js';
import { jobsPlugin } from './infrastructure/jobs/jobsPlugin.js';
import { queueDashboardPlugin } from './infrastructure/jobs/queueDashboard.js';
import { errorReportingPlugin } from './infrastructure/monitoring/errorReporting.js';
import { HealthRegistry } from './infrastructure/monitoring/healthCheck.js';
import { healthPlugin } from './infrastructure/monitoring/healthPlugin.js';
import { createMetrics, type AppMetrics } from './infrastructure/monitoring/metrics.js';
import { metricsPlugin } from './infrastructure/monitoring/metricsPlugin.js';
import { socketPlugin } from './infrastructure/websocket/socketPlugin.js';
import { integrationsPlugin } from './integrations/integrationsPlugin.js';
import { auditPlugin } from './modules/audit/index.js';
import { authPlugin } from './modules/auth/index.js';
import { organizationsPlugin } from './modules/organizations/index.js';
import { studentsPlugin } from './modules/students/index.js';
import { usersPlugin } from './modules/users/index.js';
import { healthRecordsPlugin } from './modules/healthRecords/index.js';
import { medicationsPlugin } from './modules/medications/index.js';
import { immunizationsPlugin } from './modules/immunizations/index.js';
import { incidentsPlugin } from './modules/incidents/index.js';
import { appointmentsPlugin } from './modules/appointments/index.js';
import { inventoryPlugin } from './modules/inventory/index.js';
import { alertsPlugin } from './modules/alerts/index.js';
import { notificationsPlugin } from './modules/notifications/index.js';
import { medicaidPlugin } from './modules/medicaid/index.js';
import { reportsPlugin } from './modules/reports/index.js';
import { sisPlugin } from './modules/sis/index.js';

declare module '@hapi/hapi' {
  interface ServerApplicationState {
    config: AppConfig;
    health: HealthRegistry;
    metrics: AppMetrics;
  }
}

export interface CreateServerOptions {
  /** Migrate on start (default). Tests start from a migrated template and may skip it. */
  migrate?: boolean;
  /** Where log lines go instead of stdout (tests read them back). */
  logDestination?: LogDestination;
}

const MAX_PAYLOAD_BYTES = 1024 * 1024;

export async function createServer(config: AppConfig, options: CreateServerOptions = {}): Promise<Server> {
  const server = Hapi.server({
    host: config.host,
    port: config.port,
    debug: false,
    router: { stripTrailingSlash: true },
    routes: {
      cors: config.corsOrigins.length > 0 ? { origin: [...config.corsOrigins], credentials: true } : false,
      validate: validationDefaults,
      payload: { maxBytes: MAX_PAYLOAD_BYTES },
      security: {
        hsts: config.isProduction,
        xframe: 'deny',
        noSniff: true,
        referrer: 'no-referrer',
        xss: 'disabled',
      },
      response: { emptyStatusCode: 204 },
    },
  });
  const health = new HealthRegistry();
  server.app.config = config;
  server.app.health = health;
  const metrics = createMetrics();
  server.app.metrics = metrics;

  // Before hapi-pino: its request logger is bound to the request id when the request arrives.
  await server.register(requestIdPlugin);
  await server.register({ plugin: HapiPino, options: loggingOptions(config, options.logDestination) });
  await server.register({
    plugin: errorReportingPlugin,
    options: { dsn: config.monitoring.sentryDsn, environment: config.nodeEnv, release: config.version },
  });
  await server.register(errorsPlugin);
  await server.register({
    plugin: databasePlugin,
    options: { sequelize: createSequelize(config), health, migrate: options.migrate ?? true },
  });
  await server.register({
    plugin: redisPlugin,
    options: { redis: createRedisClient(config, 'main'), health },
  });
  await server.register({
    plugin: healthPlugin,
    options: { registry: health, environment: config.nodeEnv, version: config.version },
  });
  await server.register({ plugin: metricsPlugin, options: { metrics } });

  // Before the modules: each module registers its job processors at register time.
  await server.register(jobsPlugin);
  await server.register(integrationsPlugin);

  const modules = [
    authPlugin,
    auditPlugin,
    usersPlugin,
    organizationsPlugin,
    studentsPlugin,
    healthRecordsPlugin,
    medicationsPlugin,
    immunizationsPlugin,
    incidentsPlugin,
    appointmentsPlugin,
    inventoryPlugin,
    notificationsPlugin,
    alertsPlugin,
    reportsPlugin,
    sisPlugin,
    medicaidPlugin,
  ];
  for (const plugin of modules) {
    await server.register(plugin);
  }
  await registerSockets(server);
  watchForMetrics(server, metrics);
  if (config.appRole === 'worker') {
    serveOnlyOperations(server);
  } else {
    await server.register({
      plugin: queueDashboardPlugin,
      options: { authenticate: (token) => server.plugins.auth.service.authenticateToken(token) },
    });
    await server.register({ plugin: spaPlugin, options: { distDir: config.spaDistDir } });
  }
  return server;
}

const OPERATIONS_PATHS = /^\/(health|metrics)(\/|$)/;

/**
 * A worker replica holds every module (its processors call their services) and a socket
 * server (its broadcasts reach the API replicas' clients through the Redis adapter), but
 * answers HTTP only for probes and metrics: no API, no SPA.
 */
function serveOnlyOperations(server: Server): void {
  server.ext('onRequest', (request, h) =>
    OPERATIONS_PATHS.test(request.path) ? h.continue : Boom.notFound(),
  );
}

/** What a scrape reads from the components that keep their own state. */
function watchForMetrics(server: Server, metrics: AppMetrics): void {
  metrics.watchSocketConnections(() => server.plugins.websocket.getConnectedSocketsCount());
  metrics.watchCircuits(() => server.plugins.integrations.registry.statuses());
  metrics.watchCache(() => server.app.cache.stats());
}

/** Sockets come after the modules: the plugin's options are answered by them at call time. */
async function registerSockets(server: Server): Promise<void> {
  await server.register({
    plugin: socketPlugin,
    options: {
      async verifyToken(token: string) {
        const result = await server.plugins.auth.service.authenticateToken(token);
        if (!result) return null;
        const { user, sessionId } = result;
        return {
          userId: user.id,
          organizationId: user.organizationId,
          sessionId,
          role: user.role,
          name: user.name,
        };
      },
      openAlertsFor: (identity) => server.plugins.alerts.openAlertsFor(identity),
      markNotificationRead: (identity, id) => server.plugins.notifications.markRead(identity, id),
    },
  });
}
