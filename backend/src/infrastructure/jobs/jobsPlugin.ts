/**
 * The `jobs` plugin: one QueueManager per server, exposed as `server.plugins.jobs.queues`.
 * Lifecycle: onPreStart opens the queues (producers work from then on); onPostStart starts
 * the workers, so `server.initialize()` alone never consumes a job; onPreStop stops fetching
 * and waits (bounded) for active jobs; onPostStop closes queues and connections.
 * APP_ROLE=api produces only; `all` and `worker` also run workers.
 */
import type { Plugin, Server } from '@hapi/hapi';
import { JobEventsRelay } from './JobEventsRelay.js';
import { jobQueueHealthCheck } from './jobsHealth.js';
import { REQUESTED_JOB_TYPES } from './jobTypes.js';
import { QueueManager } from './QueueManager.js';
import { queuesRoute } from './queuesRoute.js';
import { applySchedules, recurringSweeps } from './schedules.js';

declare module '@hapi/hapi' {
  interface PluginProperties {
    jobs: { queues: QueueManager };
  }
}

/** The server's own QueueManager (per server, never a process-wide singleton). */
export function getQueueManager(server: Server): QueueManager {
  return server.plugins.jobs.queues;
}

export const jobsPlugin: Plugin<Record<string, never>> = {
  name: 'jobs',
  dependencies: ['redis'],
  register(server) {
    const { config, health } = server.app;
    if (!config.redis.url) throw new Error('redis.url must be resolved before the server is created');
    const runsWorkers = config.appRole !== 'api';
    const prefix = `${config.redis.keyPrefix}bull`;
    const queues = new QueueManager({
      redisUrl: config.redis.url,
      prefix,
      concurrency: config.jobs.concurrency,
      concurrencyOverrides: config.jobs.concurrencyOverrides,
      backoffDelayMs: config.jobs.backoffDelayMs,
      log: (tags, message) => server.log(tags, message),
      onJobFinished: (type, outcome, seconds) => server.app.metrics.jobFinished(type, outcome, seconds),
    });
    server.expose('queues', queues);
    health.register(
      jobQueueHealthCheck(queues, { failedThreshold: config.jobs.failedThreshold, runsWorkers }),
    );

    // The admin route needs the session strategy.
    server.dependency('auth', async (srv) => {
      srv.route(queuesRoute(queues));
    });

    server.ext('onPreStart', async () => {
      queues.initialize();
      const policy = await queues.evictionPolicy();
      if (policy !== null && policy !== 'noeviction') {
        server.log(['jobs', 'warn'], `Redis maxmemory-policy is "${policy}"; BullMQ needs "noeviction"`);
      }
    });
    // Worker replicas hold no users' sockets: only API replicas relay job events.
    const relay =
      config.appRole === 'worker'
        ? null
        : new JobEventsRelay({
            redisUrl: config.redis.url,
            prefix,
            types: REQUESTED_JOB_TYPES,
            send: (userId, update) => server.plugins.websocket?.sendJobUpdateLocally(userId, update),
            async requesterOf(type, jobId) {
              const job = await queues.queue(type).getJob(jobId);
              const requestedBy = (job?.data as { requestedBy?: unknown } | undefined)?.requestedBy;
              return typeof requestedBy === 'string' ? requestedBy : null;
            },
            log: (tags, message) => server.log(tags, message),
          });

    server.ext('onPostStart', async () => {
      await applySchedules(queues, recurringSweeps(config.jobs), config.jobs.scheduleTimeZone);
      relay?.start();
      if (runsWorkers) queues.startWorkers();
    });
    server.ext('onPreStop', async () => {
      await queues.stopWorkers(config.jobs.shutdownTimeoutMs);
    });
    server.ext('onPostStop', async () => {
      await relay?.close();
      await queues.close();
    });
  },
};
