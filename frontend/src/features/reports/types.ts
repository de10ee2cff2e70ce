import type { StudentOption } from '@/components/StudentPicker';

/** The reports the server can build, as POST /api/v1/reports names them. */
export const REPORT_TYPES = ['medication-log', 'immunization-compliance', 'student-health-summary'] as const;
export type ReportType = (typeof REPORT_TYPES)[number];

export const REPORT_JOB_TYPE = 'report-generation';

/** Calendar dates are 'YYYY-MM-DD'. */
export interface ReportParameters {
  from?: string;
  to?: string;
  studentId?: string;
}

/** Body of POST /api/v1/reports. */
export interface ReportRequest {
  reportType: ReportType;
  parameters: ReportParameters;
}

export type ReportStatus = 'queued' | 'running' | 'completed' | 'failed';

/** GET /api/v1/reports/{id}. */
export interface QueuedReport {
  id: string;
  reportType: ReportType;
  status: ReportStatus;
  createdAt: string;
  completedAt: string | null;
  expiresAt: string | null;
  downloadUrl: string | null;
  /** The server's name for the file; null until it is built. */
  filename: string | null;
  /** Why a failed report failed, in words for the requester. */
  error?: string | null;
}

/** What the form has chosen: the report and its filters. */
export interface ReportSelection {
  reportType: ReportType;
  from: string;
  to: string;
  student: StudentOption | null;
}
