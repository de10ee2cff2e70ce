export const INCIDENT_TYPES = [
  'INJURY',
  'ILLNESS',
  'BEHAVIORAL',
  'ALLERGIC_REACTION',
  'MEDICATION_ERROR',
  'OTHER',
] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

export const INCIDENT_SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];

export const NOTIFICATION_METHODS = ['PHONE', 'EMAIL', 'IN_PERSON', 'TEXT'] as const;
export type NotificationMethod = (typeof NOTIFICATION_METHODS)[number];

export interface ParentNotification {
  notified: boolean;
  by?: string;
  /** ISO 8601 instant. */
  at?: string;
  method?: NotificationMethod;
}

/** Body of POST /api/v1/incidents. */
export interface IncidentInput {
  studentId: string;
  type: IncidentType;
  severity: IncidentSeverity;
  location: string;
  /** ISO 8601 instant. */
  occurredAt: string;
  description: string;
  actionsTaken: string | null;
  witnesses: string[];
  parentNotified: ParentNotification;
  followUpRequired: boolean;
}

export interface Incident extends IncidentInput {
  id: string;
}
