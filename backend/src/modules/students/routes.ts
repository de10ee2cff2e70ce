import type { ServerRoute } from '@hapi/hapi';
import { actorFrom } from '../../infrastructure/http/actor.js';
import { requirePermission } from '../../infrastructure/http/authorization.js';
import { createStudentPayload, listStudentsQuery, studentIdParams, updateStudentPayload } from './schemas.js';
import type {
  CreateStudentInput,
  StudentQuery,
  StudentService,
  UpdateStudentInput,
} from './StudentService.js';

export function studentRoutes(service: StudentService): ServerRoute[] {
  return [
    {
      method: 'GET',
      path: '/api/v1/students',
      options: { auth: requirePermission('students:read'), validate: { query: listStudentsQuery } },
      handler: (request) => service.list(actorFrom(request), request.query as unknown as StudentQuery),
    },
    {
      method: 'POST',
      path: '/api/v1/students',
      options: { auth: requirePermission('students:write'), validate: { payload: createStudentPayload } },
      async handler(request, h) {
        const student = await service.create(actorFrom(request), request.payload as CreateStudentInput);
        return h.response(student).code(201);
      },
    },
    {
      method: 'GET',
      path: '/api/v1/students/{id}',
      options: { auth: requirePermission('students:read'), validate: { params: studentIdParams } },
      // The profile arrives as JSON text (the cached text as is): sent without a re-stringify.
      async handler(request, h) {
        const profile = await service.getJson(actorFrom(request), request.params.id as string);
        return h.response(profile).type('application/json');
      },
    },
    {
      method: 'PATCH',
      path: '/api/v1/students/{id}',
      options: {
        auth: requirePermission('students:write'),
        validate: { params: studentIdParams, payload: updateStudentPayload },
      },
      handler: (request) =>
        service.update(
          actorFrom(request),
          request.params.id as string,
          request.payload as UpdateStudentInput,
        ),
    },
  ];
}
