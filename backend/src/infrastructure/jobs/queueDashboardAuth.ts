/**
 * How the queue dashboard knows who is asking. A browser tab opened at /admin/queues cannot
 * send the SPA's bearer header and tokens never go in URLs, so the SPA first POSTs for a
 * cookie: a grant holding the caller's own JWT and a hard expiry, sealed by hapi (iron:
 * encrypted and signed). The cookie's value is therefore useless as a bearer token anywhere
 * else, and it dies after GRANT_TTL_MS however long the browser keeps it. Every request under
 * /admin/queues unseals it and checks the JWT and its session again, so logout ends access at once.
 */
import { createHmac } from 'node:crypto';
import Boom from '@hapi/boom';
import type { Server, ServerAuthScheme, ServerStateCookieOptions } from '@hapi/hapi';
import type { AppConfig } from '../../config/env.js';
import { permissionsFor, type AuthUser } from '../http/authorization.js';

export const DASHBOARD_PATH = '/admin/queues';
export const DASHBOARD_COOKIE = 'wc_queue_dashboard';
export const DASHBOARD_STRATEGY = 'queue-dashboard-cookie';
/** Long enough to look into a problem, short enough that a forgotten tab stops working. */
export const GRANT_TTL_MS = 15 * 60_000;

/** The auth module's token check, handed in by the server (infrastructure never imports modules). */
export type AuthenticateToken = (token: string) => Promise<{ user: AuthUser; sessionId: string } | null>;

/** What the sealed cookie holds. */
export interface DashboardGrant {
  token: string;
  /** Epoch milliseconds; checked on the server, not left to the browser's Max-Age. */
  expiresAt: number;
}

export function createGrant(token: string, now = Date.now()): DashboardGrant {
  return { token, expiresAt: now + GRANT_TTL_MS };
}

function liveGrant(value: unknown, now = Date.now()): DashboardGrant | null {
  if (typeof value !== 'object' || value === null) return null;
  const { token, expiresAt } = value as Partial<DashboardGrant>;
  if (typeof token !== 'string' || typeof expiresAt !== 'number' || expiresAt <= now) return null;
  return { token, expiresAt };
}

/** The sealing password, derived from the JWT secret so the two keys never coincide. */
function sealingPassword(config: AppConfig): string {
  return createHmac('sha256', config.auth.jwtSecret)
    .update('white-cross/queue-dashboard-cookie')
    .digest('hex');
}

export function dashboardCookieOptions(config: AppConfig): ServerStateCookieOptions {
  return {
    encoding: 'iron',
    password: sealingPassword(config),
    ttl: GRANT_TTL_MS,
    path: DASHBOARD_PATH,
    isHttpOnly: true,
    isSameSite: 'Strict',
    isSecure: config.isProduction,
    // A cookie that does not unseal (tampered, old key) is simply absent: the answer is 401.
    ignoreErrors: true,
    clearInvalid: true,
    strictHeader: true,
  };
}

/**
 * The scheme behind DASHBOARD_STRATEGY: no live grant, or a JWT whose session has ended,
 * is a 401. Credentials carry the user's permissions as scopes, so a route's scope check
 * answers 403 for anyone but an admin, exactly as on the API.
 */
export function dashboardCookieScheme(authenticate: AuthenticateToken): ServerAuthScheme {
  return () => ({
    async authenticate(request, h) {
      const grant = liveGrant(request.state[DASHBOARD_COOKIE]);
      if (!grant) throw Boom.unauthorized('Open the queue dashboard from the Jobs page of White Cross');
      const result = await authenticate(grant.token);
      if (!result) throw Boom.unauthorized('Your session has ended; sign in to White Cross again');
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

export function registerDashboardAuth(server: Server, authenticate: AuthenticateToken): void {
  server.state(DASHBOARD_COOKIE, dashboardCookieOptions(server.app.config));
  server.auth.scheme(DASHBOARD_STRATEGY, dashboardCookieScheme(authenticate));
  server.auth.strategy(DASHBOARD_STRATEGY, DASHBOARD_STRATEGY);
}
