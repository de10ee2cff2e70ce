import type { Plugin } from '@hapi/hapi';
import { AuditService } from './AuditService.js';
import { auditRoutes } from './routes.js';

export { AuditService } from './AuditService.js';
export type { AuditEntry, AuditRecord, ChainVerification } from './AuditService.js';

declare module '@hapi/hapi' {
  interface PluginProperties {
    audit: { service: AuditService };
  }
}

export const auditPlugin: Plugin<void> = {
  name: 'audit',
  dependencies: ['database', 'auth'],
  register(server) {
    const service = new AuditService(server.app.sequelize);
    server.expose('service', service);
    server.route(auditRoutes(service));
  },
};
