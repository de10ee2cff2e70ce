/** The hapi auth scheme: `Authorization: Bearer <jwt>` whose session is still alive. */
import Boom from '@hapi/boom';
import type { ServerAuthScheme } from '@hapi/hapi';
import { permissionsFor } from '../../infrastructure/http/authorization.js';
import type { AuthService } from './AuthService.js';

export function bearerSessionScheme(service: AuthService): ServerAuthScheme {
  return () => ({
    async authenticate(request, h) {
      const header = request.headers.authorization;
      const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
      if (!match?.[1]) throw Boom.unauthorized('Missing bearer token', 'Bearer');
      const result = await service.authenticateToken(match[1]);
      if (!result) throw Boom.unauthorized('Invalid or expired session; sign in again', 'Bearer');
      return h.authenticated({
        credentials: {
          user: result.user,
          scope: permissionsFor(result.user.role),
          app: { sessionId: result.sessionId },
        },
      });
    },
  });
}
