/**
 * GET /metrics (Prometheus text, no auth: the scraper sits inside the cluster) and the HTTP
 * request families. Requests are counted on hapi's `response` event, once the answer is sent,
 * so the status is the one the client got, whatever onPreResponse hook rewrote it.
 */
import type { Plugin, Request } from '@hapi/hapi';
import type { AppMetrics } from './metrics.js';

export interface MetricsPluginOptions {
  metrics: AppMetrics;
}

/** The method of hapi's stand-in route for a request no route matched (not in hapi's types). */
const SPECIAL_ROUTE_METHOD: string = '_special';
export const UNMATCHED_ROUTE = '(unmatched)';

/** The route template (`/api/v1/students/{id}`), never the raw URL: ids must not become labels. */
function routeLabel(request: Request): string {
  return (request.route.method as string) === SPECIAL_ROUTE_METHOD ? UNMATCHED_ROUTE : request.route.path;
}

export const metricsPlugin: Plugin<MetricsPluginOptions> = {
  name: 'metrics',
  register(server, { metrics }) {
    server.events.on('response', (request) => {
      const { received, completed, responded } = request.info;
      const seconds = Math.max(0, (completed || responded || Date.now()) - received) / 1000;
      metrics.observeRequest(
        request.method.toUpperCase(),
        routeLabel(request),
        request.raw.res.statusCode,
        seconds,
      );
    });

    server.route({
      method: 'GET',
      path: '/metrics',
      options: { auth: false, tags: ['metrics'] },
      async handler(_request, h) {
        return h.response(await metrics.render()).type(metrics.contentType);
      },
    });
  },
};
