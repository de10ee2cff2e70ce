import type { EmergencyAlertPayload } from '@white-cross/backend/events';

export type OpenAlert = EmergencyAlertPayload;

export interface Page<T> {
  data: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** GET /api/v1/appointments rows (the fields shown here). */
export interface Appointment {
  id: string;
  studentId: string;
  /** "First Last": who the visit is for. */
  studentName: string;
  startsAt: string;
  durationMinutes: number;
  type: string;
  status: 'SCHEDULED' | 'COMPLETED' | 'CANCELLED' | 'NO_SHOW';
  reason?: string | null;
}

/** GET /api/v1/incidents rows (the fields shown here). */
export interface Incident {
  id: string;
  studentId: string;
  /** "First Last": who the incident is about. */
  studentName: string;
  type: string;
  severity: 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';
  location: string;
  occurredAt: string;
  followUpRequired: boolean;
}

/** GET /api/v1/inventory rows: the flags are the server's, computed on the way out. */
export interface InventoryItem {
  id: string;
  name: string;
  unit: string;
  quantity: number;
  reorderLevel: number;
  expiresOn: string | null;
  location: string | null;
  lowStock: boolean;
  expiringSoon: boolean;
  expired: boolean;
}

export type ComplianceStatus = 'COMPLIANT' | 'DUE' | 'OVERDUE' | 'EXEMPT';

/** GET /api/v1/immunizations/compliance, organization-wide (groups are not used here). */
export interface ComplianceSummary {
  asOf: string;
  total: number;
  counts: Record<ComplianceStatus, number>;
  /** 0..1 per status. */
  rates: Record<ComplianceStatus, number>;
}
