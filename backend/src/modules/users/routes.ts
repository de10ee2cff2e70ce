import type { ServerRoute } from '@hapi/hapi';
import { actorFrom } from '../../infrastructure/http/actor.js';
import { requirePermission } from '../../infrastructure/http/authorization.js';
import type { CreateUserInput, UpdateUserInput, UserService } from './UserService.js';
import { createUserPayload, updateUserPayload, userIdParams } from './schemas.js';

export function userRoutes(service: UserService): ServerRoute[] {
  const auth = requirePermission('users:manage');
  return [
    {
      method: 'GET',
      path: '/api/v1/admin/users',
      options: { auth },
      handler: async (request) => ({ data: await service.list(actorFrom(request).organizationId) }),
    },
    {
      method: 'POST',
      path: '/api/v1/admin/users',
      options: { auth, validate: { payload: createUserPayload } },
      async handler(request, h) {
        const actor = actorFrom(request);
        const user = await service.create(actor.organizationId, request.payload as CreateUserInput);
        await request.server.plugins.audit.service.recordFor(actor, 'user.create', {
          type: 'user',
          id: user.id,
        });
        return h.response(user).code(201);
      },
    },
    {
      method: 'PATCH',
      path: '/api/v1/admin/users/{id}',
      options: { auth, validate: { params: userIdParams, payload: updateUserPayload } },
      async handler(request) {
        const actor = actorFrom(request);
        const input = request.payload as UpdateUserInput;
        const user = await service.update(actor.organizationId, request.params.id as string, input);
        if (input.role !== undefined || input.isActive !== undefined || input.password !== undefined) {
          // Sessions carry the role; a changed role, password or deactivation must take effect now.
          await request.server.plugins.auth.sessions.revokeAllForUser(user.id);
        }
        await request.server.plugins.audit.service.recordFor(
          actor,
          'user.update',
          { type: 'user', id: user.id },
          {
            fields: Object.keys(input).filter((k) => k !== 'password'),
            passwordChanged: input.password !== undefined,
          },
        );
        return user;
      },
    },
  ];
}
