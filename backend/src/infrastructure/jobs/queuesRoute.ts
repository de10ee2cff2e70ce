/** GET /api/v1/admin/queues: every queue's counts and whether it is paused (admins only). */
import type { ServerRoute } from '@hapi/hapi';
import { requirePermission } from '../http/authorization.js';
import type { QueueManager } from './QueueManager.js';

export function queuesRoute(queues: QueueManager): ServerRoute {
  return {
    method: 'GET',
    path: '/api/v1/admin/queues',
    options: { auth: requirePermission('queues:manage'), tags: ['api', 'admin'] },
    async handler() {
      return { data: await queues.getAllQueueStats() };
    },
  };
}
