import type { ReportStatus, ReportType, StudentOption } from '../types';

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

function gradeText(grade: string): string {
  if (grade === 'PK') return 'Pre-K';
  if (grade === 'K') return 'Kindergarten';
  return `Grade ${grade}`;
}

/** "Martinez, Ava · Grade 5 · S-1": enough to tell two students of the same name apart. */
export function studentOptionLabel(student: StudentOption): string {
  const parts = [`${student.lastName}, ${student.firstName}`, gradeText(student.grade)];
  if (student.studentNumber) parts.push(student.studentNumber);
  return parts.join(' · ');
}
