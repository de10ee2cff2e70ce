import { formatCalendarDate } from '@/lib/formatDate';
import { humanize } from '@/lib/humanize';
import type { ComplianceReport, SeriesStatus } from '../types';

/** "PK" -> "Pre-K", "K" -> "Kindergarten", "5" -> "Grade 5". */
export function gradeText(grade: string): string {
  if (grade === 'PK') return 'Pre-K';
  if (grade === 'K') return 'Kindergarten';
  return `Grade ${grade}`;
}

const percentFormat = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });

/** A share (0..1) as text: 0.8912 -> "89.1%". */
export const percentText = (rate: number): string => percentFormat.format(rate);

/** "45 (90%)": a count and its share of the group, both as text. */
export const countText = (count: number, rate: number): string =>
  `${count.toLocaleString()} (${percentText(rate)})`;

/** What a series still needs: "1 dose", "2 doses", or the server's own words. */
export function missingText(series: SeriesStatus): string {
  const { missing } = series;
  if (Array.isArray(missing)) return missing.length > 0 ? missing.join(', ') : '—';
  if (typeof missing === 'string') return missing || '—';
  const count = typeof missing === 'number' ? missing : Math.max(0, series.requiredDoses - series.validDoses);
  return count > 0 ? `${count} dose${count === 1 ? '' : 's'}` : '—';
}

/** "MMR, overdue: 1 dose missing (was due Mar 3, 2026)". */
export function seriesNeedText(series: SeriesStatus): string {
  const overdue = series.status === 'OVERDUE';
  const missing = missingText(series);
  const needs = missing === '—' ? '' : `: ${missing} missing`;
  const due = series.dueOn ? ` (${overdue ? 'was due' : 'due'} ${formatCalendarDate(series.dueOn)})` : '';
  return `${series.series}, ${humanize(series.status).toLowerCase()}${needs}${due}`;
}

/** "312 of 350 students compliant (89.1%); 20 due, 10 overdue, 8 exempt." */
export function complianceSummaryText(report: ComplianceReport): string {
  const { counts, total } = report;
  const students = `${total.toLocaleString()} ${total === 1 ? 'student' : 'students'}`;
  return (
    `${counts.COMPLIANT.toLocaleString()} of ${students} compliant (${percentText(report.rates.COMPLIANT)}); ` +
    `${counts.DUE.toLocaleString()} due, ${counts.OVERDUE.toLocaleString()} overdue, ` +
    `${counts.EXEMPT.toLocaleString()} exempt.`
  );
}
