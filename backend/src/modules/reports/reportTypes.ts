/**
 * The reports this module draws, the parameters each takes (the GET routes' query names, and
 * the `parameters` of a queued request) and the permission each needs.
 */
import type { Permission } from '../../infrastructure/http/authorization.js';
import type { CustomReportInput, ReportContext } from '../../services/pdf/index.js';
import type { Grade } from '../students/index.js';

export const REPORT_TYPES = [
  'student-health-summary',
  'medication-log',
  'immunization-compliance',
  'incident',
  'custom',
] as const;
export type ReportType = (typeof REPORT_TYPES)[number];

export interface ReportParameters {
  'student-health-summary': { studentId: string };
  /** Calendar days (YYYY-MM-DD, inclusive) in the organization's time zone. */
  'medication-log': { from: string; to: string; studentId?: string };
  'immunization-compliance': { schoolId?: string; grade?: Grade; asOf?: string };
  incident: { incidentId: string };
  custom: Omit<CustomReportInput, keyof ReportContext>;
}

/** A student's record, the dose log and incidents hold detail a VIEWER may not see. */
export const REPORT_PERMISSIONS: Readonly<Record<ReportType, Permission>> = {
  'student-health-summary': 'reports:read-clinical',
  'medication-log': 'reports:read-clinical',
  incident: 'reports:read-clinical',
  'immunization-compliance': 'reports:read',
  custom: 'reports:read',
};

/** How a notification names the report: never a student or anything clinical. */
export const REPORT_LABELS: Readonly<Record<ReportType, string>> = {
  'student-health-summary': 'student health summary',
  'medication-log': 'medication administration log',
  'immunization-compliance': 'immunization compliance report',
  incident: 'incident report',
  custom: 'custom report',
};

export function isReportType(value: string): value is ReportType {
  return (REPORT_TYPES as readonly string[]).includes(value);
}
