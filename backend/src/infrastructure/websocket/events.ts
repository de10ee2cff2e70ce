/**
 * The Socket.io contract (API.md's table), shared by the server and the SPA. Types only:
 * the SPA imports this file with `import type` through the backend workspace's exports, so
 * nothing here may pull in runtime code.
 */

export type AlertSeverity = 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';

export interface AlertAcknowledgement {
  userId: string;
  userName: string;
  acknowledgedAt: string;
}

export interface EmergencyAlertPayload {
  id: string;
  type: string;
  severity: AlertSeverity;
  location: string;
  description: string;
  studentId?: string | null;
  studentName?: string | null;
  raisedBy: { userId: string; name: string };
  createdAt: string;
  status: 'OPEN' | 'RESOLVED';
  escalated: boolean;
  acknowledgements: AlertAcknowledgement[];
}

export interface AlertAcknowledgedPayload {
  alertId: string;
  acknowledgement: AlertAcknowledgement;
}

export interface HealthNotificationPayload {
  id: string;
  type: string;
  title: string;
  message: string;
  createdAt: string;
}

export interface StudentHealthAlertPayload {
  studentId: string;
  type: string;
  message: string;
  createdAt: string;
}

export interface MedicationReminderPayload {
  studentId: string;
  studentName: string;
  medication: string;
  dose: string;
  dueAt: string;
}

/** A job the user asked for (a report, an export, a sync): progress, then its end. */
export interface JobProgressPayload {
  jobId: string;
  type: string;
  /** 0-100, or a small object the job reports (counts, a stage). */
  progress: number | Record<string, unknown>;
}

export interface JobCompletedPayload {
  jobId: string;
  type: string;
  /** The processor's summary (ids, counts, a download link); never health data. */
  result: unknown;
}

export interface JobFailedPayload {
  jobId: string;
  type: string;
  message: string;
}

export interface ConnectionConfirmedPayload {
  userId: string;
  organizationId: string;
  socketId: string;
}

/** Server -> client. */
export interface ServerToClientEvents {
  'connection:confirmed': (payload: ConnectionConfirmedPayload) => void;
  'emergency:alert': (alert: EmergencyAlertPayload) => void;
  /** An acknowledgement of an open alert, so every screen shows who has seen it. */
  'emergency:alert:acknowledged': (payload: AlertAcknowledgedPayload) => void;
  'health:notification': (notification: HealthNotificationPayload) => void;
  'student:health:alert': (alert: StudentHealthAlertPayload) => void;
  'medication:reminder': (reminder: MedicationReminderPayload) => void;
  'server:shutdown': (payload: { reconnectInMs: number }) => void;
  'job:progress': (payload: JobProgressPayload) => void;
  'job:completed': (payload: JobCompletedPayload) => void;
  'job:failed': (payload: JobFailedPayload) => void;
}

export type NotificationReadAck = { ok: true } | { ok: false; error: string };

/** Client -> server. */
export interface ClientToServerEvents {
  'notification:read': (payload: { id: string }, ack: (result: NotificationReadAck) => void) => void;
}

export type InterServerEvents = Record<string, never>;

/** What the server knows about each socket after authentication. */
export interface SocketData {
  userId: string;
  organizationId: string;
  sessionId: string;
  role: 'ADMIN' | 'NURSE' | 'VIEWER';
  name: string;
}
