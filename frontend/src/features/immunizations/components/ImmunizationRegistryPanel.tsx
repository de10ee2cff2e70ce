import { useId } from 'react';
import { formatCalendarDate } from '@/lib/formatDate';
import { isApiError } from '@/services/api/ApiError';
import { useWebSocket } from '@/services/websocket/useWebSocket';
import { useStudentImmunizations } from '../api/getStudentImmunizations';
import { describeExport, useRegistryExport } from '../hooks/useRegistryExport';
import type { ImmunizationRecord } from '../types';
import { RegistryHistoryPanel } from './RegistryHistoryPanel';
import { RegistryStatusText } from './RegistryStatusText';

/** Statuses with nothing left to send. */
const SETTLED = new Set(['ACCEPTED', 'IMPORTED', 'PENDING']);

const needsSending = (record: ImmunizationRecord) => !record.registry || !SETTLED.has(record.registry.status);

interface ImmunizationRegistryPanelProps {
  studentId: string;
  /** Clinical staff: may send records to the registry and import from it. */
  canManage: boolean;
  onRecordsChanged?: () => void;
}

/**
 * The student's immunizations as the state registry knows them: each record's status (with
 * the registry's error text when it refused one), a "Send to state registry" button and the
 * registry's own history, for clinical staff.
 */
export function ImmunizationRegistryPanel({
  studentId,
  canManage,
  onRecordsChanged,
}: ImmunizationRegistryPanelProps) {
  const headingId = useId();
  const records = useStudentImmunizations(studentId);
  const exporter = useRegistryExport(studentId);
  const { isConnected } = useWebSocket();
  const list = records.data ?? [];
  const sending = exporter.state.phase === 'running' || exporter.isSubmitting;
  // Without live events the job's end is not heard: say so instead of "Sending…" forever.
  const progress =
    exporter.state.phase === 'running' && !isConnected
      ? 'Queued for the state registry; reload to see the answers.'
      : describeExport(exporter.state);

  return (
    <section className="stack" aria-labelledby={headingId}>
      <h3 id={headingId}>State immunization registry</h3>
      {records.isPending && (
        <p className="muted" role="status">
          Loading registry status…
        </p>
      )}
      {records.isError &&
        (isApiError(records.error) && records.error.status === 404 ? (
          <p className="muted">Registry status is not available.</p>
        ) : (
          <p className="alert alert-error" role="alert">
            {records.error.message}
          </p>
        ))}
      {records.isSuccess && list.length === 0 && <p className="muted">No immunizations to send.</p>}
      {list.length > 0 && (
        <div className="table-wrapper">
          <table>
            <caption className="visually-hidden">Registry status of each immunization</caption>
            <thead>
              <tr>
                <th scope="col">Given on</th>
                <th scope="col">Vaccine</th>
                <th scope="col">Registry status</th>
              </tr>
            </thead>
            <tbody>
              {list.map((record) => (
                <tr key={record.id}>
                  <td>
                    <time dateTime={record.administeredOn}>{formatCalendarDate(record.administeredOn)}</time>
                  </td>
                  <th scope="row">{record.vaccineName ?? `CVX ${record.cvxCode}`}</th>
                  <td>
                    <RegistryStatusText registry={record.registry} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canManage && (
        <>
          {list.some(needsSending) && (
            <div className="row">
              <button
                type="button"
                className="button button-primary"
                onClick={exporter.submit}
                disabled={sending}
                aria-busy={sending}
              >
                Send to state registry
              </button>
            </div>
          )}
          <p aria-live="polite" aria-atomic="true">
            {progress}
          </p>
          {exporter.submitError && (
            <p className="alert alert-error" role="alert">
              Could not send: {exporter.submitError.message}
            </p>
          )}
          <RegistryHistoryPanel studentId={studentId} onImported={onRecordsChanged} />
        </>
      )}
    </section>
  );
}
