/**
 * /health, /health/ready and /health/live. No auth: Kubernetes and load balancers call them.
 * Liveness touches no dependency, so a Postgres or Redis outage never restarts the pod.
 */
import type { Plugin } from '@hapi/hapi';
import type { HealthRegistry } from './healthCheck.js';

export interface HealthPluginOptions {
  registry: HealthRegistry;
  environment: string;
  version: string;
}

export const healthPlugin: Plugin<HealthPluginOptions> = {
  name: 'health',
  register(server, { registry, environment, version }) {
    server.ext('onPreStop', () => registry.startDraining());

    server.route([
      {
        method: 'GET',
        path: '/health',
        options: { auth: false, tags: ['health'] },
        async handler(_request, h) {
          const report = await registry.report();
          const body = {
            status: report.status,
            timestamp: new Date().toISOString(),
            uptime: Math.round(process.uptime()),
            environment,
            version,
            draining: registry.isDraining(),
            components: report.components,
          };
          return h.response(body).code(report.status === 'unhealthy' ? 503 : 200);
        },
      },
      {
        method: 'GET',
        path: '/health/ready',
        options: { auth: false, tags: ['health'] },
        async handler(_request, h) {
          if (registry.isDraining()) return h.response({ status: 'draining' }).code(503);
          const report = await registry.report(true);
          const ready = report.status !== 'unhealthy';
          const components = Object.fromEntries(
            Object.entries(report.components).map(([name, c]) => [name, c.status]),
          );
          return h.response({ status: ready ? 'ready' : 'not ready', components }).code(ready ? 200 : 503);
        },
      },
      {
        method: 'GET',
        path: '/health/live',
        options: { auth: false, tags: ['health'] },
        handler: () => ({ status: 'alive' }),
      },
    ]);
  },
};
