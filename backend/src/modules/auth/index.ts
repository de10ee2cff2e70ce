/**
 * The auth module registers first: its strategy must exist before any route that uses it.
 * Its collaborators (users, audit) register later and are looked up when first needed.
 */
import type { Plugin } from '@hapi/hapi';
import { AuthService } from './AuthService.js';
import { bearerSessionScheme } from './authScheme.js';
import { LoginThrottle } from './LoginThrottle.js';
import { defineSessionModel } from './models.js';
import { authRoutes } from './routes.js';
import { SessionStore } from './SessionStore.js';
import { TokenService } from './TokenService.js';

export type { AuthService, LoginResult } from './AuthService.js';
export type { SessionStore } from './SessionStore.js';

declare module '@hapi/hapi' {
  interface PluginProperties {
    auth: { service: AuthService; sessions: SessionStore };
  }
}

/**
 * Server event emitted for every session ended early (logout, revocation), so whoever holds
 * long-lived connections for it (the socket plugin) can drop them without importing auth.
 */
export const SESSION_ENDED_EVENT = 'session-ended';
export interface SessionEndedEvent {
  sessionId: string;
}

export const authPlugin: Plugin<void> = {
  name: 'auth',
  dependencies: ['database', 'redis', 'users', 'audit'],
  register(server) {
    const { config, sequelize, redis } = server.app;
    const { auth } = config;
    server.event(SESSION_ENDED_EVENT);
    const sessions = new SessionStore(
      defineSessionModel(sequelize),
      redis,
      (userId) => server.plugins.users.service.findActiveAuthUser(userId),
      auth.sessionTtlMinutes * 60_000,
      (sessionId) => server.events.emit(SESSION_ENDED_EVENT, { sessionId } satisfies SessionEndedEvent),
    );
    const service = new AuthService({
      users: () => server.plugins.users.service,
      audit: () => server.plugins.audit.service,
      sessions,
      tokens: new TokenService({
        secret: auth.jwtSecret,
        issuer: auth.jwtIssuer,
        audience: auth.jwtAudience,
        ttlMinutes: auth.jwtTtlMinutes,
      }),
      throttle: new LoginThrottle(redis, {
        maxFailuresPerAccount: auth.maxFailuresPerAccount,
        maxFailuresPerIp: auth.maxFailuresPerIp,
        windowSeconds: auth.failureWindowMinutes * 60,
      }),
      idleLogoutMinutes: auth.idleLogoutMinutes,
    });

    server.auth.scheme('bearer-session', bearerSessionScheme(service));
    server.auth.strategy('session', 'bearer-session');
    server.auth.default('session');
    server.expose('service', service);
    server.expose('sessions', sessions);
    server.route(authRoutes(service, config.trustProxy));

    server.ext('onPostStart', async () => {
      await sessions.purgeExpired().catch(() => undefined);
    });
  },
};
