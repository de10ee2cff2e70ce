/** The `jobQueue` health component: counts per queue; degraded, never unhealthy-critical. */
import type { HealthCheck } from '../monitoring/healthCheck.js';
import type { QueueManager } from './QueueManager.js';

export function jobQueueHealthCheck(
  queues: QueueManager,
  options: { failedThreshold: number; runsWorkers: boolean },
): HealthCheck {
  return {
    name: 'jobQueue',
    critical: false,
    async check() {
      const stats = await queues.getAllQueueStats();
      const workers = queues.workerState();
      const problems: string[] = [];
      const overThreshold = stats.filter((s) => s.failed > options.failedThreshold).map((s) => s.name);
      if (overThreshold.length > 0) {
        problems.push(`failed jobs above ${options.failedThreshold} in ${overThreshold.join(', ')}`);
      }
      // Before onPostStart (tests, start-up) workers are not expected yet.
      if (options.runsWorkers && workers.started && workers.running < workers.expected) {
        problems.push(`${workers.expected - workers.running} of ${workers.expected} workers not running`);
      }
      return {
        status: problems.length > 0 ? 'degraded' : 'healthy',
        message: problems.length > 0 ? problems.join('; ') : 'Queues answer',
        details: {
          workers: { ...workers, enabled: options.runsWorkers },
          queues: Object.fromEntries(stats.map(({ name, ...counts }) => [name, counts])),
        },
      };
    },
  };
}
