/**
 * Login, logout and token checks. Every attempt is audited; the caller only ever learns
 * "invalid email or password" or "too many attempts".
 */
import { AppError } from '../../infrastructure/http/AppError.js';
import type { AuthUser } from '../../infrastructure/http/authorization.js';
import type { AuditService } from '../audit/index.js';
import type { UserService } from '../users/index.js';
import type { LoginThrottle } from './LoginThrottle.js';
import type { SessionStore } from './SessionStore.js';
import type { TokenService } from './TokenService.js';

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export interface LoginResult {
  token: string;
  expiresAt: string;
  idleLogoutMinutes: number;
  user: AuthUser;
}

export interface AuthDependencies {
  users: () => Pick<UserService, 'authenticate'>;
  audit: () => Pick<AuditService, 'record'>;
  sessions: SessionStore;
  tokens: TokenService;
  throttle: LoginThrottle;
  idleLogoutMinutes: number;
}

export class AuthService {
  constructor(private readonly deps: AuthDependencies) {}

  async login(email: string, password: string, client: ClientInfo): Promise<LoginResult> {
    const { users, audit, sessions, tokens, throttle } = this.deps;
    const account = email.trim().toLowerCase();
    const base = { entityType: 'session', ip: client.ip, userAgent: client.userAgent };

    const wait = await throttle.secondsBlocked(account, client.ip);
    if (wait > 0) {
      await audit().record({ ...base, organizationId: null, userId: null, action: 'login.throttled' });
      const minutes = Math.ceil(wait / 60);
      throw AppError.tooManyRequests(
        `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        wait,
      );
    }

    const outcome = await users().authenticate(account, password);
    if (!outcome.user) {
      await throttle.recordFailure(account, client.ip);
      await audit().record({
        ...base,
        organizationId: outcome.organizationId,
        userId: outcome.userId,
        action: 'login.failure',
        details: { reason: outcome.reason },
      });
      throw AppError.unauthorized('Invalid email or password');
    }

    const user = outcome.user;
    await throttle.recordSuccess(account);
    const sessionId = await sessions.create(user, client);
    const { token, expiresAt } = tokens.sign(user, sessionId);
    await audit().record({
      ...base,
      organizationId: user.organizationId,
      userId: user.id,
      action: 'login.success',
      entityId: sessionId,
    });
    return {
      token,
      expiresAt: expiresAt.toISOString(),
      idleLogoutMinutes: this.deps.idleLogoutMinutes,
      user,
    };
  }

  async logout(user: AuthUser, sessionId: string, client: ClientInfo): Promise<void> {
    await this.deps.sessions.revoke(sessionId);
    await this.deps.audit().record({
      organizationId: user.organizationId,
      userId: user.id,
      action: 'logout',
      entityType: 'session',
      entityId: sessionId,
      ip: client.ip,
      userAgent: client.userAgent,
    });
  }

  /** The user and session behind a bearer token, or null. Shared by REST and sockets. */
  async authenticateToken(token: string): Promise<{ user: AuthUser; sessionId: string } | null> {
    const claims = this.deps.tokens.verify(token);
    if (!claims) return null;
    const user = await this.deps.sessions.validate(claims.sessionId);
    if (!user || user.id !== claims.userId) return null;
    return { user, sessionId: claims.sessionId };
  }
}
