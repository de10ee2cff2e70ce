import type { ServerRoute } from '@hapi/hapi';
import { actorFrom } from '../../infrastructure/http/actor.js';
import { requirePermission } from '../../infrastructure/http/authorization.js';
import type { AuditFilters, AuditService } from './AuditService.js';
import { auditListQuery } from './schemas.js';

export function auditRoutes(service: AuditService): ServerRoute[] {
  return [
    {
      method: 'GET',
      path: '/api/v1/admin/audit-log',
      options: { auth: requirePermission('audit:read'), validate: { query: auditListQuery } },
      async handler(request) {
        const actor = actorFrom(request);
        const filters = request.query as unknown as AuditFilters;
        const { data, total } = await service.list(actor.organizationId, filters);
        // Reading the audit log is itself audited: it names who looked at whose records.
        await service.recordFor(actor, 'audit_log.read', { type: 'audit_log' }, { resultCount: data.length });
        return { data, page: filters.page, pageSize: filters.pageSize, total };
      },
    },
    {
      method: 'GET',
      path: '/api/v1/admin/audit-log/verify',
      options: { auth: requirePermission('audit:read') },
      async handler(request) {
        const actor = actorFrom(request);
        const result = await service.verifyChain(actor.organizationId);
        await service.recordFor(actor, 'audit_log.verify', { type: 'audit_log' }, { valid: result.valid });
        return result;
      },
    },
  ];
}
