import type { ServerRoute } from '@hapi/hapi';
import { actorFrom } from '../../infrastructure/http/actor.js';
import { requirePermission } from '../../infrastructure/http/authorization.js';
import type {
  CreateIncidentInput,
  IncidentQuery,
  IncidentService,
  UpdateIncidentInput,
} from './IncidentService.js';
import {
  createIncidentPayload,
  incidentIdParams,
  listIncidentsQuery,
  updateIncidentPayload,
} from './schemas.js';

export function incidentRoutes(service: IncidentService): ServerRoute[] {
  return [
    {
      // Newest first, filtered by studentId, schoolId (the student's school; another
      // organization's matches nothing), type, severity, from/to (occurredAt). Every incident
      // this module answers (list, read, create, update) carries studentId, studentName
      // ("First Last") and student { id, firstName, lastName, schoolId }.
      method: 'GET',
      path: '/api/v1/incidents',
      options: { auth: requirePermission('incidents:read'), validate: { query: listIncidentsQuery } },
      handler: (request) => service.list(actorFrom(request), request.query as unknown as IncidentQuery),
    },
    {
      method: 'POST',
      path: '/api/v1/incidents',
      options: { auth: requirePermission('incidents:write'), validate: { payload: createIncidentPayload } },
      async handler(request, h) {
        const incident = await service.create(actorFrom(request), request.payload as CreateIncidentInput);
        return h.response(incident).code(201);
      },
    },
    {
      method: 'GET',
      path: '/api/v1/incidents/{id}',
      options: { auth: requirePermission('incidents:read'), validate: { params: incidentIdParams } },
      handler: (request) => service.get(actorFrom(request), request.params.id as string),
    },
    {
      method: 'PATCH',
      path: '/api/v1/incidents/{id}',
      options: {
        auth: requirePermission('incidents:write'),
        validate: { params: incidentIdParams, payload: updateIncidentPayload },
      },
      handler: (request) =>
        service.update(
          actorFrom(request),
          request.params.id as string,
          request.payload as UpdateIncidentInput,
        ),
    },
  ];
}
