import { humanize } from '@/lib/humanize';
import type { StudentAlert } from '../types';

const kindLabels: Record<StudentAlert['kind'], string> = {
  ALLERGY: 'Allergy',
  CONDITION: 'Condition',
  MEDICATION: 'Medication',
};

export function alertKindLabel(kind: string): string {
  return kindLabels[kind as StudentAlert['kind']] ?? humanize(kind);
}

/** Severity class for emphasis; the text always says what it is, never colour alone. */
export function severityClass(severity: string): string {
  return `severity-${severity.toLowerCase().replace(/_/g, '-')}`;
}

export function AlertBadge({ alert }: { alert: StudentAlert }) {
  return (
    <span className={`badge ${severityClass(alert.severity)}`}>
      {alertKindLabel(alert.kind)}: {alert.label}
    </span>
  );
}
