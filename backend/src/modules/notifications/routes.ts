import type { ServerRoute } from '@hapi/hapi';
import { actorFrom } from '../../infrastructure/http/actor.js';
import { requirePermission } from '../../infrastructure/http/authorization.js';
import type { NotificationQuery, NotificationService } from './NotificationService.js';
import { emptyPayload, listNotificationsQuery, notificationIdParams } from './schemas.js';

export function notificationRoutes(service: NotificationService): ServerRoute[] {
  const auth = requirePermission('notifications:self');
  return [
    {
      method: 'GET',
      path: '/api/v1/notifications',
      options: { auth, validate: { query: listNotificationsQuery } },
      handler: (request) => service.list(actorFrom(request), request.query as unknown as NotificationQuery),
    },
    {
      method: 'POST',
      path: '/api/v1/notifications/{id}/read',
      options: { auth, validate: { params: notificationIdParams, payload: emptyPayload } },
      handler: (request) => service.markRead(actorFrom(request), request.params.id as string),
    },
  ];
}
