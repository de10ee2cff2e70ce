/**
 * The contract between the socket plugin and the rest of the server. Modules call the
 * Realtime API (`server.plugins.websocket`) to push events; the server wires the plugin's
 * options to the modules that answer its questions, so infrastructure never imports a module.
 */
import type {
  AlertAcknowledgedPayload,
  EmergencyAlertPayload,
  HealthNotificationPayload,
  JobCompletedPayload,
  JobFailedPayload,
  JobProgressPayload,
  MedicationReminderPayload,
  SocketData,
  StudentHealthAlertPayload,
} from './events.js';

export interface Realtime {
  broadcastEmergencyAlert(organizationId: string, alert: EmergencyAlertPayload): void;
  broadcastAlertAcknowledged(organizationId: string, payload: AlertAcknowledgedPayload): void;
  sendHealthNotification(userId: string, notification: HealthNotificationPayload): void;
  broadcastStudentHealthAlert(organizationId: string, alert: StudentHealthAlertPayload): void;
  broadcastMedicationReminder(organizationId: string, reminder: MedicationReminderPayload): void;
  /**
   * A job's progress or end, to the requester's sockets on THIS replica only: every replica
   * hears the queue's events and tells its own sockets, so nobody is told twice.
   */
  sendJobUpdateLocally(userId: string, update: JobUpdate): void;
  /** Sockets connected to this replica. */
  getConnectedSocketsCount(): number;
  /** Ends every socket of a session, on every replica (logout, deactivation). */
  disconnectSession(sessionId: string): Promise<void>;
}

export type JobUpdate =
  | { event: 'job:progress'; payload: JobProgressPayload }
  | { event: 'job:completed'; payload: JobCompletedPayload }
  | { event: 'job:failed'; payload: JobFailedPayload };

/** Who a socket belongs to, as the auth module answers for a bearer token. */
export type SocketIdentity = SocketData;

export interface SocketPluginOptions {
  /** The same JWT + session check as REST; null refuses the handshake. */
  verifyToken(token: string): Promise<SocketIdentity | null>;
  /** Open alerts this user has not acknowledged: replayed on every (re)connect. */
  openAlertsFor(identity: SocketIdentity): Promise<EmergencyAlertPayload[]>;
  /** Marks the caller's own notification read; false when it is not theirs or does not exist. */
  markNotificationRead(identity: SocketIdentity, notificationId: string): Promise<boolean>;
}

declare module '@hapi/hapi' {
  interface PluginProperties {
    websocket: Realtime;
  }
}
