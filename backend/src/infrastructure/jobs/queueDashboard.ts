/**
 * The queue dashboard (bull-board) at /admin/queues, for admins only, and the API route that
 * lets the SPA open it. Registered after the modules: the server hands in the auth module's
 * token check as `authenticate`, and the session route uses the bearer strategy.
 *
 *   POST   /api/v1/admin/queue-dashboard/session   admin's bearer -> 204 + the dashboard cookie
 *   DELETE /api/v1/admin/queue-dashboard/session   clears it
 *   *      /admin/queues/...                       bull-board: pages, assets and its JSON API
 */
import type { Plugin, Request, RouteOptions, ServerRoute } from '@hapi/hapi';
import Joi from 'joi';
import { requirePermission } from '../http/authorization.js';
import { getQueueManager } from './jobsPlugin.js';
import {
  createGrant,
  DASHBOARD_COOKIE,
  DASHBOARD_PATH,
  DASHBOARD_STRATEGY,
  registerDashboardAuth,
  type AuthenticateToken,
} from './queueDashboardAuth.js';
import { createQueueBoard } from './queueDashboardBoard.js';

export interface QueueDashboardOptions {
  /** The same JWT + live-session check as the API's bearer strategy. */
  authenticate: AuthenticateToken;
}

const SESSION_PATH = '/api/v1/admin/queue-dashboard/session';

/** Applied to every bull-board route (it passes its registration options to each). */
const BOARD_ROUTE_OPTIONS: RouteOptions = {
  auth: { strategy: DASHBOARD_STRATEGY, access: { scope: ['queues:manage'] } },
  // Same origin only: the dashboard is a page of this server, never an API for other sites.
  cors: false,
  // A malformed cookie header means no grant (401), not a 400.
  state: { parse: true, failAction: 'ignore' },
  // bull-board's own API takes query strings (and validates them itself).
  validate: { query: true },
  tags: ['admin'],
};

/** The bearer token the session strategy has just accepted for this request. */
function bearerToken(request: Request): string {
  const match = /^Bearer\s+(\S+)$/i.exec(String(request.headers.authorization ?? ''));
  return match![1]!;
}

function sessionRoutes(): ServerRoute[] {
  return [
    {
      method: 'POST',
      path: SESSION_PATH,
      options: {
        auth: requirePermission('queues:manage'),
        validate: { payload: Joi.object({}).allow(null) },
        tags: ['api', 'admin'],
      },
      handler: (request, h) =>
        h
          .response()
          .code(204)
          .state(DASHBOARD_COOKIE, createGrant(bearerToken(request))),
    },
    {
      method: 'DELETE',
      path: SESSION_PATH,
      // Anyone signed in may drop a cookie of their own; only admins ever get one.
      options: { auth: requirePermission('session:self'), tags: ['api', 'admin'] },
      handler: (_request, h) => h.response().code(204).unstate(DASHBOARD_COOKIE),
    },
  ];
}

export const queueDashboardPlugin: Plugin<QueueDashboardOptions> = {
  name: 'queue-dashboard',
  dependencies: ['jobs', 'auth'],
  async register(server, { authenticate }) {
    registerDashboardAuth(server, authenticate);
    server.route(sessionRoutes());

    const board = createQueueBoard(DASHBOARD_PATH);
    await server.register(
      { plugin: board.plugin, options: BOARD_ROUTE_OPTIONS },
      { routes: { prefix: DASHBOARD_PATH } },
    );
    // The queues exist once the jobs plugin's onPreStart has opened them.
    server.ext('onPreStart', () => board.attachQueues(getQueueManager(server)), { after: ['jobs'] });
  },
};
