/**
 * The caller of a request, as services see it: who, for which organization, from where.
 * Services take an Actor, never a request object.
 */
import type { Request } from '@hapi/hapi';
import { AppError } from './AppError.js';
import type { Role } from './authorization.js';

export interface Actor {
  userId: string;
  organizationId: string;
  /** Decides the minimum necessary a service may answer (a VIEWER sees less). */
  role: Role;
  ip: string | null;
  userAgent: string | null;
}

const MAX_USER_AGENT = 300;

/** The client's address; X-Forwarded-For is believed only behind a trusted proxy. */
export function clientIp(request: Request, trustProxy: boolean): string | null {
  if (trustProxy) {
    const forwarded = request.headers['x-forwarded-for'];
    const first = typeof forwarded === 'string' ? forwarded.split(',')[0]?.trim() : undefined;
    if (first) return first.slice(0, 64);
  }
  return request.info.remoteAddress || null;
}

export function userAgent(request: Request): string | null {
  const ua = request.headers['user-agent'];
  return typeof ua === 'string' ? ua.slice(0, MAX_USER_AGENT) : null;
}

export function actorFrom(request: Request): Actor {
  const user = request.auth.credentials?.user;
  if (!user) throw AppError.unauthorized();
  return {
    userId: user.id,
    organizationId: user.organizationId,
    role: user.role,
    ip: clientIp(request, request.server.app.config.trustProxy),
    userAgent: userAgent(request),
  };
}
