/**
 * Immunization compliance report: the organization's figures, the figures per school and
 * grade (count and rate of each status), then every non-compliant student with what each is
 * missing. Students are listed in the order given.
 */
import type { FontFace } from '../fonts.js';
import { humanize, percent } from '../format.js';
import { ReportWriter } from '../ReportWriter.js';
import type {
  ComplianceStatusCode,
  ImmunizationReportInput,
  NonCompliantStudent,
  StatusCounts,
} from '../types.js';

const STATUSES: ComplianceStatusCode[] = ['COMPLIANT', 'DUE', 'OVERDUE', 'EXEMPT'];
const STATUS_HEADS = ['Compliant', 'Due', 'Overdue', 'Exempt'];

/** "12 (85.7%)" for each status. */
const figures = (counts: StatusCounts, rates: StatusCounts) =>
  STATUSES.map((s) => `${counts[s]} (${percent(rates[s])})`);

function missingText(student: NonCompliantStudent): string {
  return student.series
    .filter((s) => s.missing > 0 && s.status !== 'EXEMPT')
    .map((s) => {
      const due = s.dueOn ? `, due ${s.dueOn}` : '';
      return `${s.series}: ${s.validDoses} of ${s.requiredDoses} doses, ${s.missing} missing${due}`;
    })
    .join('\n');
}

export function renderImmunizationReport(input: ImmunizationReportInput, face: FontFace): Buffer {
  const w = new ReportWriter(face, input, 'Immunization compliance report');
  const { compliance } = input;
  w.fields([
    ['As of', compliance.asOf],
    ['Rule set', compliance.ruleSet.name],
    ['Students', compliance.total],
  ]);

  w.heading('All students');
  w.table({
    head: ['Students', ...STATUS_HEADS],
    rows: [[compliance.total, ...figures(compliance.counts, compliance.rates)]],
  });

  w.heading('By school and grade');
  w.table({
    head: ['School', 'Grade', 'Students', ...STATUS_HEADS],
    rows: compliance.groups.map((g) => [
      g.schoolName ?? 'No school',
      g.grade,
      g.total,
      ...figures(g.counts, g.rates),
    ]),
    widths: { 1: 40, 2: 50 },
    empty: 'No students in scope.',
  });

  w.heading(`Students not compliant (${input.nonCompliant.length})`);
  w.table({
    head: ['Student', 'School', 'Grade', 'Status', 'What is missing'],
    rows: input.nonCompliant.map((s) => [
      s.studentName,
      s.schoolName,
      s.grade,
      humanize(s.status),
      missingText(s),
    ]),
    widths: { 0: 110, 1: 100, 2: 40, 3: 55 },
    empty: 'Every student in scope is compliant or exempt.',
  });
  return w.finish();
}
