import type { Plugin } from '@hapi/hapi';
import { defineOrganizationModels } from './models.js';
import { OrganizationService } from './OrganizationService.js';
import { organizationRoutes } from './routes.js';

export { OrganizationService } from './OrganizationService.js';
export type { OrganizationView, SchoolView } from './OrganizationService.js';

declare module '@hapi/hapi' {
  interface PluginProperties {
    organizations: { service: OrganizationService };
  }
}

export const organizationsPlugin: Plugin<void> = {
  name: 'organizations',
  dependencies: ['database', 'auth'],
  register(server) {
    const service = new OrganizationService(defineOrganizationModels(server.app.sequelize));
    server.expose('service', service);
    server.route(organizationRoutes(service));
  },
};
