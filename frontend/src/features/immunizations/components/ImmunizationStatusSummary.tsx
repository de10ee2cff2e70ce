import { formatCalendarDate } from '@/lib/formatDate';
import { humanize } from '@/lib/humanize';
import { isApiError } from '@/services/api/ApiError';
import { useImmunizationStatus } from '../api/getImmunizationStatus';
import { useStudentImmunizations } from '../api/getStudentImmunizations';
import { useHashTarget } from '../hooks/useHashTarget';
import { PROFILE_IMMUNIZATIONS_ID } from '../paths';
import { missingText } from './complianceText';
import { ImmunizationRegistryPanel } from './ImmunizationRegistryPanel';

interface ImmunizationStatusSummaryProps {
  studentId: string;
  /** Clinical staff (ADMIN, NURSE): send records to the state registry and import from it. */
  canManageRegistry?: boolean;
  /** Records were imported from the registry: whoever shows them should refetch. */
  onRecordsChanged?: () => void;
}

/**
 * Compliance for school entry, then where each record stands with the state registry. A link
 * to the profile ending in #immunizations (the Immunizations page's list) lands here.
 */
export function ImmunizationStatusSummary({
  studentId,
  canManageRegistry = false,
  onRecordsChanged,
}: ImmunizationStatusSummaryProps) {
  // The same queries the parts below run (shared cache): once both answered, the block's height is final.
  const status = useImmunizationStatus(studentId);
  const records = useStudentImmunizations(studentId);
  const settled = !status.isPending && !records.isPending;
  const target = useHashTarget(PROFILE_IMMUNIZATIONS_ID, settled);
  return (
    <div
      className="stack"
      id={PROFILE_IMMUNIZATIONS_ID}
      ref={target}
      tabIndex={-1}
      role="group"
      aria-label="Immunization status and state registry"
    >
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
