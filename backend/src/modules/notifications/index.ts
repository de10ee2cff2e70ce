/**
 * In-app notifications: stored per user, pushed to their sockets, read over REST or the
 * `notification:read` socket event (the socket plugin calls `markRead`).
 */
import type { Plugin } from '@hapi/hapi';
import type { SocketIdentity } from '../../infrastructure/websocket/realtime.js';
import { defineNotificationModel } from './models.js';
import { NotificationService } from './NotificationService.js';
import { notificationRoutes } from './routes.js';

export { NotificationService } from './NotificationService.js';
export type { NotificationInput, NotificationPage, NotificationView } from './NotificationService.js';

/** What the socket plugin calls for `notification:read`. */
export interface NotificationReader {
  markRead(identity: SocketIdentity, notificationId: string): Promise<boolean>;
}

declare module '@hapi/hapi' {
  interface PluginProperties {
    notifications: NotificationReader & { service: NotificationService };
  }
}

export const notificationsPlugin: Plugin<void> = {
  name: 'notifications',
  dependencies: ['database', 'auth', 'audit', 'users'],
  register(server) {
    const { sequelize } = server.app;
    const service = new NotificationService(defineNotificationModel(sequelize), sequelize, {
      audit: () => server.plugins.audit.service,
      // Looked up per call: the socket plugin registers after the modules, and not at all in workers.
      realtime: () => server.plugins.websocket,
      async staffIds(organizationId, roles) {
        const users = await server.plugins.users.service.list(organizationId);
        return users.filter((u) => u.isActive && roles.includes(u.role)).map((u) => u.id);
      },
    });
    server.expose('service', service);
    server.expose('markRead', (identity: SocketIdentity, notificationId: string) =>
      service.markReadIfOwn(
        {
          userId: identity.userId,
          organizationId: identity.organizationId,
          role: identity.role,
          ip: null,
          userAgent: 'socket',
        },
        notificationId,
      ),
    );
    server.route(notificationRoutes(service));
  },
};
