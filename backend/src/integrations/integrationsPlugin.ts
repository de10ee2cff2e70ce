/**
 * The `integrations` plugin: the server's IntegrationRegistry (`server.plugins.integrations.registry`),
 * `clientOptions(api)` to build a client from config with the shared Redis and the server log,
 * the `externalAPIs` health component and GET /api/v1/admin/integrations. The clients
 * themselves are added by whoever owns them; onPostStop closes them all.
 */
import type { Plugin } from '@hapi/hapi';
import type { BaseApiClientOptions } from './clients/BaseApiClient.js';
import { clientOptionsFor, type IntegrationApi } from './clients/clientOptions.js';
import { externalApisHealthCheck } from './integrationsHealth.js';
import { integrationsRoute } from './integrationsRoute.js';
import { IntegrationRegistry } from './IntegrationRegistry.js';

declare module '@hapi/hapi' {
  interface PluginProperties {
    integrations: {
      registry: IntegrationRegistry;
      /** Options for a client of that API from config (throws while its URL is unset). */
      clientOptions(api: IntegrationApi): BaseApiClientOptions;
    };
  }
}

export const integrationsPlugin: Plugin<Record<string, never>> = {
  name: 'integrations',
  dependencies: ['redis'],
  register(server) {
    const registry = new IntegrationRegistry();
    server.expose('registry', registry);
    server.expose('clientOptions', (api: IntegrationApi) =>
      clientOptionsFor(server.app.config, api, {
        redis: server.app.redis,
        log: (tags, message) => server.log(tags, message),
      }),
    );
    server.app.health.register(externalApisHealthCheck(registry));

    // The admin route needs the session strategy.
    server.dependency('auth', async (srv) => {
      srv.route(integrationsRoute(registry));
    });

    // After the listener has drained: no request is still calling out.
    server.ext('onPostStop', () => registry.closeAll());
  },
};
