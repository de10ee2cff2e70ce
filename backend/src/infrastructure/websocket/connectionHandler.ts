/**
 * What happens to an authenticated socket: it joins its organization, user and session rooms
 * (the server decides; there is deliberately no client "join" event, so nobody can listen in
 * on another organization), is confirmed, and is sent the open alerts it may have missed.
 */
import { notificationReadHandler } from './notificationRead.js';
import type { SocketPluginOptions } from './realtime.js';
import { orgRoom, sessionRoom, userRoom, viewerRoom, type IoSocket } from './types.js';

export type SocketLogger = (tags: string[], message: string) => void;

export function handleConnection(options: SocketPluginOptions, log: SocketLogger) {
  return (socket: IoSocket): void => {
    const identity = socket.data;
    void socket.join([
      orgRoom(identity.organizationId),
      userRoom(identity.userId),
      sessionRoom(identity.sessionId),
      ...(identity.role === 'VIEWER' ? [viewerRoom(identity.organizationId)] : []),
    ]);
    socket.on('notification:read', notificationReadHandler(identity, options.markNotificationRead, log));
    socket.emit('connection:confirmed', {
      userId: identity.userId,
      organizationId: identity.organizationId,
      socketId: socket.id,
    });
    // A recovered socket already received what it missed from the adapter; replaying open
    // alerts as well would show them twice. A fresh connection gets them exactly once here.
    if (!socket.recovered) void replayOpenAlerts(socket, options, log);
  };
}

async function replayOpenAlerts(socket: IoSocket, options: SocketPluginOptions, log: SocketLogger) {
  try {
    const alerts = await options.openAlertsFor(socket.data);
    for (const alert of alerts) socket.emit('emergency:alert', alert);
  } catch (error) {
    log(['websocket', 'error'], `open alert replay failed: ${error instanceof Error ? error.name : 'error'}`);
  }
}
