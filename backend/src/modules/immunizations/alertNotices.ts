/**
 * What the nurses read: the student, the series and dates they must act on. Never the kind
 * of an exemption (a religious or personal belief is nobody else's business).
 */
import type { NotificationInput } from '../notifications/index.js';
import type { ComplianceAlert } from './complianceTransitions.js';
import type { ExpiringExemption } from './expiringExemptions.js';

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

const nameOf = (student: { firstName: string; lastName: string }) =>
  `${student.firstName} ${student.lastName}`;

export function complianceNotice({ student, status }: ComplianceAlert): NotificationInput {
  const name = nameOf(student);
  const series = student.compliance.series
    .filter((s) => s.status === 'DUE' || s.status === 'OVERDUE')
    .map((s) => `${s.series} (${s.missing} missing, due ${s.dueOn})`)
    .join(', ');
  const word = status === 'OVERDUE' ? 'overdue' : 'due';
  return {
    type: status === 'OVERDUE' ? 'IMMUNIZATION_OVERDUE' : 'IMMUNIZATION_DUE',
    title: clip(`Immunizations ${word}: ${name}`, 200),
    message: clip(`${name} (grade ${student.grade}) is now ${word}: ${series}.`, 2_000),
  };
}

export function exemptionNotice(exemption: ExpiringExemption): NotificationInput {
  const name = nameOf(exemption);
  return {
    type: 'IMMUNIZATION_EXEMPTION_EXPIRING',
    title: clip(`Immunization exemption expiring: ${name}`, 200),
    message: clip(
      `${name}'s ${exemption.series} exemption expires on ${exemption.expiresOn}; the series will be ` +
        'required again unless the exemption is renewed.',
      2_000,
    ),
  };
}
