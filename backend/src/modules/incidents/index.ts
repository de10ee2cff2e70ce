import type { Plugin } from '@hapi/hapi';
import { can } from '../../infrastructure/http/authorization.js';
import { IncidentService } from './IncidentService.js';
import { defineIncidentModel } from './models.js';
import { incidentRoutes } from './routes.js';

export { IncidentService } from './IncidentService.js';
export type {
  CreateIncidentInput,
  IncidentStudent,
  IncidentSummary,
  IncidentView,
} from './IncidentService.js';
export { INCIDENT_SEVERITIES, INCIDENT_TYPES, type IncidentSeverity, type IncidentType } from './models.js';

declare module '@hapi/hapi' {
  interface PluginProperties {
    incidents: { service: IncidentService };
  }
}

export const incidentsPlugin: Plugin<void> = {
  name: 'incidents',
  dependencies: ['database', 'auth', 'audit', 'students'],
  register(server) {
    const { sequelize } = server.app;
    const service = new IncidentService(
      defineIncidentModel(sequelize),
      sequelize,
      () => server.plugins.audit.service,
      () => server.plugins.students.service,
    );
    server.expose('service', service);
    server.route(incidentRoutes(service));
    server.plugins.students.service.registerProfileSection({
      key: 'incidents',
      load: (organizationId, studentId) => service.recentFor(organizationId, studentId),
      // A role that may not read incidents (VIEWER) does not see them in the profile either.
      minimumNecessary: (data, role) => (can(role, 'incidents:read') ? data : undefined),
    });
  },
};
