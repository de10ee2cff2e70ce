import type { AlertAcknowledgedPayload, EmergencyAlertPayload } from '@white-cross/backend/events';

export type {
  AlertAcknowledgedPayload,
  AlertAcknowledgement,
  AlertSeverity,
} from '@white-cross/backend/events';

/** One alert as the API and the socket send it. */
export type EmergencyAlert = EmergencyAlertPayload;
export type AlertAcknowledged = AlertAcknowledgedPayload;

export const ALERT_TYPES = [
  'ALLERGIC_REACTION',
  'SEIZURE',
  'CARDIAC',
  'RESPIRATORY',
  'INJURY',
  'DIABETIC',
  'OTHER',
] as const;
export type AlertType = (typeof ALERT_TYPES)[number];

export const ALERT_SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;

/** Body of POST /api/v1/alerts. */
export interface AlertInput {
  type: AlertType;
  severity: EmergencyAlertPayload['severity'];
  location: string;
  description: string;
  studentId?: string;
}
