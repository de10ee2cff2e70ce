import type { ServerRoute } from '@hapi/hapi';
import { clientIp, userAgent } from '../../infrastructure/http/actor.js';
import { requirePermission } from '../../infrastructure/http/authorization.js';
import type { AuthService } from './AuthService.js';
import { emptyPayload, loginPayload } from './schemas.js';

export function authRoutes(service: AuthService, trustProxy: boolean): ServerRoute[] {
  return [
    {
      method: 'POST',
      path: '/api/v1/auth/login',
      options: { auth: false, validate: { payload: loginPayload } },
      async handler(request) {
        const { email, password } = request.payload as { email: string; password: string };
        return service.login(email, password, {
          ip: clientIp(request, trustProxy),
          userAgent: userAgent(request),
        });
      },
    },
    {
      method: 'POST',
      path: '/api/v1/auth/logout',
      options: { auth: requirePermission('session:self'), validate: { payload: emptyPayload } },
      async handler(request, h) {
        const { user, app } = request.auth.credentials;
        await service.logout(user!, app!.sessionId, {
          ip: clientIp(request, trustProxy),
          userAgent: userAgent(request),
        });
        return h.response().code(204);
      },
    },
    {
      method: 'GET',
      path: '/api/v1/auth/me',
      options: { auth: requirePermission('session:self') },
      handler: (request) => request.auth.credentials.user!,
    },
  ];
}
