/** GET /api/v1/admin/integrations: each outbound client's circuit and rate-limit state (admins only). */
import type { ServerRoute } from '@hapi/hapi';
import { requirePermission } from '../infrastructure/http/authorization.js';
import type { IntegrationRegistry } from './IntegrationRegistry.js';

export function integrationsRoute(registry: IntegrationRegistry): ServerRoute {
  return {
    method: 'GET',
    path: '/api/v1/admin/integrations',
    options: { auth: requirePermission('integrations:read'), tags: ['api', 'admin'] },
    handler: () => ({ data: registry.statuses() }),
  };
}
