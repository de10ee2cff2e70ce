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

/** The student an incident is about, as the server joins them on. */
export interface IncidentStudent {
  id: string;
  firstName: string;
  lastName: string;
  schoolId: string | null;
}

/** An incident as the API answers it (POST, GET, PATCH). */
export interface Incident extends Omit<IncidentInput, 'parentNotified' | 'actionsTaken'> {
  id: string;
  reportedBy?: string;
  actionsTaken: string | null;
  parentNotified: {
    notified: boolean;
    by?: string | null;
    at?: string | null;
    method?: NotificationMethod | null;
  };
  followUpNotes?: string | null;
  /** "First Last": who the incident is about. */
  studentName: string;
  student: IncidentStudent;
  createdAt?: string;
  updatedAt?: string;
}

/** Body of PATCH /api/v1/incidents/{id}: the follow-up after the report. */
export interface IncidentUpdate {
  actionsTaken?: string | null;
  witnesses?: string[];
  parentNotified?: ParentNotification;
  followUpRequired?: boolean;
  followUpNotes?: string | null;
}

/** GET /api/v1/incidents filters; dates are calendar days ('YYYY-MM-DD') in the reader's zone. */
export interface IncidentListQuery {
  from: string;
  to: string;
  type: IncidentType | '';
  severity: IncidentSeverity | '';
  studentId: string;
  /** The student's school; '' for every school. */
  schoolId: string;
  page: number;
  pageSize: number;
}

export interface IncidentPage {
  data: Incident[];
  page: number;
  pageSize: number;
  total: number;
}
