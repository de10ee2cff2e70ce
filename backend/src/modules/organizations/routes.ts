import type { ServerRoute } from '@hapi/hapi';
import { requirePermission } from '../../infrastructure/http/authorization.js';
import type { OrganizationService } from './OrganizationService.js';

export function organizationRoutes(service: OrganizationService): ServerRoute[] {
  return [
    {
      method: 'GET',
      path: '/api/v1/schools',
      options: {
        auth: requirePermission('schools:read'),
        description: "The caller's organization's schools",
      },
      handler: async (request) => ({
        data: await service.listSchools(request.auth.credentials.user!.organizationId),
      }),
    },
  ];
}
