import type { Plugin } from '@hapi/hapi';
import type { SocketIdentity } from '../../infrastructure/websocket/realtime.js';

/** What the socket plugin calls for `notification:read`. */
export interface NotificationReader {
  markRead(identity: SocketIdentity, notificationId: string): Promise<boolean>;
}

declare module '@hapi/hapi' {
  interface PluginProperties {
    notifications: NotificationReader;
  }
}

export const notificationsPlugin: Plugin<void> = {
  name: 'notifications',
  dependencies: ['database', 'auth'],
  register(server) {
    // Placeholder until the notifications module lands.
    server.expose('markRead', async () => false);
  },
};
