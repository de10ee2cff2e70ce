/**
 * The `externalAPIs` health component. An outside system being down is not our outage: an
 * open circuit degrades /health but never fails readiness (Kubernetes must not pull replicas
 * out of service because a registry is down).
 */
import type { HealthCheck } from '../infrastructure/monitoring/healthCheck.js';
import type { IntegrationRegistry } from './IntegrationRegistry.js';

export function externalApisHealthCheck(registry: IntegrationRegistry): HealthCheck {
  return {
    name: 'externalAPIs',
    critical: false,
    async check() {
      const statuses = registry.statuses();
      const troubled = statuses.filter((s) => s.state !== 'closed');
      const details = Object.fromEntries(
        statuses.map((s) => [
          s.name,
          {
            state: s.state,
            failures: s.failures,
            rejects: s.rejects,
            lastFailureAt: s.lastFailureAt,
            nextAttemptAt: s.nextAttemptAt,
            rateLimitStore: s.rateLimit.store,
          },
        ]),
      );
      if (troubled.length > 0) {
        return {
          status: 'degraded',
          message: `Circuit not closed: ${troubled.map((s) => `${s.name} (${s.state})`).join(', ')}`,
          details,
        };
      }
      return {
        status: 'healthy',
        message: statuses.length > 0 ? 'All circuits closed' : 'No outside systems configured',
        details,
      };
    },
  };
}
