import type { ReportStatus, ReportType } from '../types';

export const reportLabels: Record<ReportType, string> = {
  'medication-log': 'Medication administration log',
  'immunization-compliance': 'Immunization compliance',
  'student-health-summary': 'Student health summary',
};

export const reportDescriptions: Record<ReportType, string> = {
  'medication-log': 'Every dose given (or refused, held, missed) in a date range, for one student or all.',
  'immunization-compliance': 'Each student’s immunization status against the state requirements.',
  'student-health-summary': 'One student’s allergies, conditions, medications and immunizations.',
};

export const statusLabels: Record<ReportStatus, string> = {
  queued: 'Queued',
  running: 'Being prepared',
  completed: 'Ready',
  failed: 'Failed',
};
