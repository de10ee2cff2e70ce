/**
 * Which students' compliance changed since the last alert run, and which of those changes
 * nurses must hear of: a move to DUE from compliant or exempt, or to OVERDUE from anything
 * less (a student with no recorded status counts as compliant, so a new student already
 * overdue is reported). Staying DUE or OVERDUE night after night is not news; becoming
 * compliant and later falling due again is, and gets a new dedupe key from the change count.
 * Pure: the caller loads the states and writes the changes.
 */
import type { ComplianceStatus } from './engine/evaluateCompliance.js';
import type { EvaluatedStudent } from './organizationCompliance.js';

export interface AlertState {
  status: ComplianceStatus;
  /** How many times the recorded status has changed: the transition marker. */
  transitions: number;
}

export interface StatusChange extends AlertState {
  studentId: string;
}

export interface ComplianceAlert {
  student: EvaluatedStudent;
  status: 'DUE' | 'OVERDUE';
  dedupeKey: string;
}

const SEVERITY: Record<ComplianceStatus, number> = { COMPLIANT: 0, EXEMPT: 0, DUE: 1, OVERDUE: 2 };

export const complianceAlertKey = (studentId: string, status: ComplianceStatus, transitions: number) =>
  `immunization-status:${studentId}:${status}:${transitions}`;

export function complianceTransitions(
  students: readonly EvaluatedStudent[],
  previous: ReadonlyMap<string, AlertState>,
): { changes: StatusChange[]; alerts: ComplianceAlert[] } {
  const changes: StatusChange[] = [];
  const alerts: ComplianceAlert[] = [];
  for (const student of students) {
    const { status } = student.compliance;
    const before = previous.get(student.id);
    if (before?.status === status) continue;
    const transitions = (before?.transitions ?? 0) + 1;
    changes.push({ studentId: student.id, status, transitions });
    if (
      (status === 'DUE' || status === 'OVERDUE') &&
      SEVERITY[status] > SEVERITY[before?.status ?? 'COMPLIANT']
    ) {
      alerts.push({ student, status, dedupeKey: complianceAlertKey(student.id, status, transitions) });
    }
  }
  return { changes, alerts };
}
