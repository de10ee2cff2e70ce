import { formatCalendarDate } from '@/lib/formatDate';
import { humanize } from '@/lib/humanize';
import { useComplianceSummary } from '../api/getComplianceSummary';
import type { ComplianceStatus } from '../types';
import { DashboardPanel, QueryStatus } from './DashboardPanel';

const STATUSES: ComplianceStatus[] = ['COMPLIANT', 'DUE', 'OVERDUE', 'EXEMPT'];

/** 0.8234 -> "82.3%". */
export function percent(rate: number): string {
  return `${Math.round(rate * 1000) / 10}%`;
}

/** Immunization compliance of every active student, at a glance. */
export function CompliancePanel({ link }: { link?: string }) {
  const compliance = useComplianceSummary();
  const summary = compliance.data;

  return (
    <DashboardPanel
      title="Immunization compliance"
      link={link ? { to: link, label: 'Compliance by school and grade' } : undefined}
    >
      <QueryStatus
        isPending={compliance.isPending}
        error={compliance.error}
        loadingText="Loading immunization compliance…"
      />
      {summary && summary.total === 0 && <p className="muted">No active students to evaluate.</p>}
      {summary && summary.total > 0 && (
        <>
          <p className="compliance-headline">
            <strong>{percent(summary.rates.COMPLIANT)}</strong> compliant{' '}
            <span className="muted">
              ({summary.counts.COMPLIANT} of {summary.total} students, as of{' '}
              <time dateTime={summary.asOf}>{formatCalendarDate(summary.asOf)}</time>)
            </span>
          </p>
          <dl className="facts">
            {STATUSES.map((status) => (
              <div key={status}>
                <dt>{humanize(status)}</dt>
                <dd>
                  {summary.counts[status]} ({percent(summary.rates[status])})
                </dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </DashboardPanel>
  );
}
