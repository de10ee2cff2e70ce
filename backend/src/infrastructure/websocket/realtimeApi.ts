/**
 * The Realtime API modules call through `server.plugins.websocket`. Broadcasts go to rooms,
 * so the adapter carries them to the matching sockets on every replica.
 */
import type { Realtime } from './realtime.js';
import { orgRoom, sessionRoom, userRoom, viewerRoom, type IoServer } from './types.js';

export function createRealtime(io: IoServer): Realtime {
  return {
    broadcastEmergencyAlert(organizationId, alert) {
      // The description is free clinical text: a VIEWER gets the alert without it, as on REST.
      io.to(orgRoom(organizationId)).except(viewerRoom(organizationId)).emit('emergency:alert', alert);
      io.to(viewerRoom(organizationId)).emit('emergency:alert', { ...alert, description: '' });
    },
    broadcastAlertAcknowledged: (organizationId, payload) =>
      io.to(orgRoom(organizationId)).emit('emergency:alert:acknowledged', payload),
    sendHealthNotification: (userId, notification) =>
      io.to(userRoom(userId)).emit('health:notification', notification),
    broadcastStudentHealthAlert: (organizationId, alert) =>
      io.to(orgRoom(organizationId)).emit('student:health:alert', alert),
    broadcastMedicationReminder: (organizationId, reminder) =>
      io.to(orgRoom(organizationId)).emit('medication:reminder', reminder),
    sendJobUpdateLocally(userId, update) {
      const room = io.local.to(userRoom(userId));
      // Spelled out per event so the payload type follows the event name.
      if (update.event === 'job:progress') room.emit('job:progress', update.payload);
      else if (update.event === 'job:completed') room.emit('job:completed', update.payload);
      else room.emit('job:failed', update.payload);
    },
    getConnectedSocketsCount: () => io.of('/').sockets.size,
    async disconnectSession(sessionId) {
      io.in(sessionRoom(sessionId)).disconnectSockets(true);
    },
  };
}
