import { formatCalendarDate } from '@/lib/formatDate';
import { humanize } from '@/lib/humanize';
import { isApiError } from '@/services/api/ApiError';
import { useImmunizationStatus } from '../api/getImmunizationStatus';
import type { SeriesStatus } from '../types';
import { ImmunizationRegistryPanel } from './ImmunizationRegistryPanel';

function missingText(series: SeriesStatus): string {
  const { missing } = series;
  if (Array.isArray(missing)) return missing.length > 0 ? missing.join(', ') : '—';
  if (typeof missing === 'string') return missing || '—';
  const count = typeof missing === 'number' ? missing : Math.max(0, series.requiredDoses - series.validDoses);
  return count > 0 ? `${count} dose${count === 1 ? '' : 's'}` : '—';
}

interface ImmunizationStatusSummaryProps {
  studentId: string;
  /** Clinical staff (ADMIN, NURSE): send records to the state registry and import from it. */
  canManageRegistry?: boolean;
  /** Records were imported from the registry: whoever shows them should refetch. */
  onRecordsChanged?: () => void;
}

/** Compliance for school entry, then where each record stands with the state registry. */
export function ImmunizationStatusSummary({
  studentId,
  canManageRegistry = false,
  onRecordsChanged,
}: ImmunizationStatusSummaryProps) {
  return (
    <div className="stack">
      <ComplianceSummary studentId={studentId} />
      <ImmunizationRegistryPanel
        studentId={studentId}
        canManage={canManageRegistry}
        onRecordsChanged={onRecordsChanged}
      />
    </div>
  );
}

/** Overall, then each vaccine series and what it still needs. */
function ComplianceSummary({ studentId }: { studentId: string }) {
  const statusQuery = useImmunizationStatus(studentId);

  if (statusQuery.isPending) {
    return (
      <p className="muted" role="status">
        Loading immunization status…
      </p>
    );
  }
  if (statusQuery.isError) {
    // 404: no status for this student (or the service is not installed); nothing to warn about.
    return isApiError(statusQuery.error) && statusQuery.error.status === 404 ? (
      <p className="muted">Immunization status is not available.</p>
    ) : (
      <p className="alert alert-error" role="alert">
        {statusQuery.error.message}
      </p>
    );
  }

  const { status, series } = statusQuery.data;
  return (
    <div className="stack">
      <p>
        Overall status: <strong className={`badge status-${status.toLowerCase()}`}>{humanize(status)}</strong>
      </p>
      {series.length > 0 && (
        <div className="table-wrapper">
          <table>
            <caption className="visually-hidden">Immunization status by series</caption>
            <thead>
              <tr>
                <th scope="col">Series</th>
                <th scope="col">Status</th>
                <th scope="col">Valid doses</th>
                <th scope="col">Missing</th>
                <th scope="col">Due on</th>
              </tr>
            </thead>
            <tbody>
              {series.map((item) => (
                <tr key={item.series}>
                  <th scope="row">{item.series}</th>
                  <td>{humanize(item.status)}</td>
                  <td>
                    {item.validDoses} of {item.requiredDoses}
                  </td>
                  <td>{missingText(item)}</td>
                  <td>
                    {item.dueOn ? <time dateTime={item.dueOn}>{formatCalendarDate(item.dueOn)}</time> : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
