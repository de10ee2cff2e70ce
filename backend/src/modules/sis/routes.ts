/**
 * The SIS sync's admin routes: start a sync (a queued sis-sync job; progress and the end
 * reach the requester's socket as job:progress / job:completed) and list the recent runs.
 */
import type { ServerRoute } from '@hapi/hapi';
import { actorFrom } from '../../infrastructure/http/actor.js';
import { AppError } from '../../infrastructure/http/AppError.js';
import { requirePermission } from '../../infrastructure/http/authorization.js';
import { NOT_CONFIGURED, type SisSyncService } from './SisSyncService.js';
import type { SyncMode } from './SyncRuns.js';
import { runsQuery, syncPayload } from './schemas.js';

export interface SisRouteDependencies {
  service: SisSyncService;
  enqueue(data: { organizationId: string; requestedBy: string; mode: SyncMode }): Promise<string>;
}

export function sisRoutes({ service, enqueue }: SisRouteDependencies): ServerRoute[] {
  return [
    {
      method: 'POST',
      path: '/api/v1/admin/integrations/sis/sync',
      options: {
        auth: requirePermission('integrations:manage'),
        tags: ['api', 'admin'],
        validate: { payload: syncPayload },
      },
      async handler(request, h) {
        const actor = actorFrom(request);
        if (!service.configured) throw new AppError(503, NOT_CONFIGURED);
        const { mode } = (request.payload ?? { mode: 'delta' }) as { mode: SyncMode };
        const jobId = await enqueue({
          organizationId: actor.organizationId,
          requestedBy: actor.userId,
          mode,
        });
        return h.response({ jobId }).code(202);
      },
    },
    {
      method: 'GET',
      path: '/api/v1/admin/integrations/sis/runs',
      options: {
        auth: requirePermission('integrations:read'),
        tags: ['api', 'admin'],
        validate: { query: runsQuery },
      },
      async handler(request) {
        const { limit } = request.query as { limit: number };
        return { data: await service.recentRuns(actorFrom(request).organizationId, limit) };
      },
    },
  ];
}
