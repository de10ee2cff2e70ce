import type { ServerRoute } from '@hapi/hapi';
import { actorFrom } from '../../infrastructure/http/actor.js';
import { requirePermission } from '../../infrastructure/http/authorization.js';
import type { AlertQuery, AlertService, RaiseAlertInput } from './AlertService.js';
import { alertIdParams, emptyBody, listAlertsQuery, raiseAlertPayload } from './schemas.js';

export function alertRoutes(service: AlertService): ServerRoute[] {
  return [
    {
      method: 'POST',
      path: '/api/v1/alerts',
      options: { auth: requirePermission('alerts:raise'), validate: { payload: raiseAlertPayload } },
      async handler(request, h) {
        const alert = await service.raise(actorFrom(request), request.payload as RaiseAlertInput);
        return h.response(alert).code(201);
      },
    },
    {
      method: 'GET',
      path: '/api/v1/alerts',
      options: { auth: requirePermission('alerts:read'), validate: { query: listAlertsQuery } },
      handler: (request) => service.list(actorFrom(request), request.query as unknown as AlertQuery),
    },
    {
      method: 'POST',
      path: '/api/v1/alerts/{id}/acknowledge',
      // The body carries nothing: who and when come from the session and the clock.
      options: {
        auth: requirePermission('alerts:acknowledge'),
        validate: { params: alertIdParams, payload: emptyBody },
      },
      handler: (request) => service.acknowledge(actorFrom(request), request.params.id as string),
    },
    {
      method: 'POST',
      path: '/api/v1/alerts/{id}/resolve',
      options: {
        auth: requirePermission('alerts:raise'),
        validate: { params: alertIdParams, payload: emptyBody },
      },
      handler: (request) => service.resolve(actorFrom(request), request.params.id as string),
    },
  ];
}
