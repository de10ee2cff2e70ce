import type { ServerRoute } from '@hapi/hapi';
import { actorFrom } from '../../infrastructure/http/actor.js';
import { requirePermission } from '../../infrastructure/http/authorization.js';
import type {
  AppointmentQuery,
  AppointmentService,
  CreateAppointmentInput,
  UpdateAppointmentInput,
} from './AppointmentService.js';
import {
  appointmentIdParams,
  createAppointmentPayload,
  listAppointmentsQuery,
  updateAppointmentPayload,
} from './schemas.js';

export function appointmentRoutes(service: AppointmentService): ServerRoute[] {
  return [
    {
      // Oldest first, filtered by from/to (startsAt), nurseId, studentId, schoolId (the
      // student's school; another organization's matches nothing), status. Every appointment
      // this module answers (list, read, create, update) carries studentId, studentName
      // ("First Last") and student { id, firstName, lastName, schoolId }; notes are left out
      // for a role without health-records:read-detail (VIEWER).
      method: 'GET',
      path: '/api/v1/appointments',
      options: { auth: requirePermission('appointments:read'), validate: { query: listAppointmentsQuery } },
      handler: (request) => service.list(actorFrom(request), request.query as unknown as AppointmentQuery),
    },
    {
      method: 'POST',
      path: '/api/v1/appointments',
      options: {
        auth: requirePermission('appointments:write'),
        validate: { payload: createAppointmentPayload },
      },
      async handler(request, h) {
        const appointment = await service.create(
          actorFrom(request),
          request.payload as CreateAppointmentInput,
        );
        return h.response(appointment).code(201);
      },
    },
    {
      method: 'GET',
      path: '/api/v1/appointments/{id}',
      options: { auth: requirePermission('appointments:read'), validate: { params: appointmentIdParams } },
      handler: (request) => service.get(actorFrom(request), request.params.id as string),
    },
    {
      method: 'PATCH',
      path: '/api/v1/appointments/{id}',
      options: {
        auth: requirePermission('appointments:write'),
        validate: { params: appointmentIdParams, payload: updateAppointmentPayload },
      },
      handler: (request) =>
        service.update(
          actorFrom(request),
          request.params.id as string,
          request.payload as UpdateAppointmentInput,
        ),
    },
  ];
}
