import { Fragment, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { studentProfilePath } from '@/config/paths';
import { formatTime } from '@/lib/formatDate';
import { humanize } from '@/lib/humanize';
import type { MarRow, RecordedAdministration } from '../types';
import { DoseStatusBadge } from './DoseStatusBadge';
import { medicationLabel } from './medicationLabel';
import { RecordDueDose } from './RecordDueDose';
import '../medications.css';

interface DoseTableProps {
  rows: MarRow[];
  /** The table's name for screen readers. */
  caption: string;
  /** Nurses and admins record doses; a viewer sees the list only. */
  canRecord: boolean;
  busy?: boolean;
  /** Shown instead of the table when no dose is left (the confirmation of the last one stays). */
  emptyText: string;
  /** A column saying when and by whom each recorded dose was recorded (the day's record). */
  showRecorded?: boolean;
}

const recordable = (row: MarRow) => row.status === 'DUE' || row.status === 'OVERDUE';

/** "10:05 by Pat Garcia", and why a dose was not given when the reader may see it. */
function RecordedEntry({ administration }: { administration: RecordedAdministration }) {
  return (
    <>
      <time dateTime={administration.administeredAt}>{formatTime(administration.administeredAt)}</time> by{' '}
      {administration.administeredBy.name}
      {administration.reason && <span className="muted"> ({administration.reason})</span>}
    </>
  );
}

/**
 * Scheduled doses, one row each, with "Record" on the due and overdue ones: the dose form
 * (and its five-rights check) opens in a row of its own under the dose.
 */
export function DoseTable({
  rows,
  caption,
  canRecord,
  busy = false,
  emptyText,
  showRecorded = false,
}: DoseTableProps) {
  const [recording, setRecording] = useState<MarRow | null>(null);
  const [confirmation, setConfirmation] = useState<string | null>(null);
  // Where focus goes when the form closes: back to its button, or to the confirmation,
  // since a recorded dose leaves the list (and its button with it).
  const [returnFocus, setReturnFocus] = useState<
    { to: 'button'; key: string } | { to: 'confirmation' } | null
  >(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const confirmationRef = useRef<HTMLParagraphElement>(null);
  const columns = 6 + (canRecord ? 1 : 0) + (showRecorded ? 1 : 0);
  // A refresh can take the row away, or record it, while its form is open (someone else
  // recorded it): the form stays, under the table, so what was typed is not lost without a word.
  const orphaned = recording !== null && !rows.some((row) => row.key === recording.key && recordable(row));

  useEffect(() => {
    if (!returnFocus) return;
    if (returnFocus.to === 'button') buttons.current.get(returnFocus.key)?.focus();
    else confirmationRef.current?.focus();
  }, [returnFocus]);

  const open = (row: MarRow) => {
    setConfirmation(null);
    setReturnFocus(null);
    setRecording(row);
  };
  const cancel = (key: string) => {
    setRecording(null);
    setReturnFocus({ to: 'button', key });
  };
  // Closed as soon as the server says yes, before the refresh takes the row away.
  const saved = () => setRecording(null);
  const succeed = (message: string) => {
    setRecording(null);
    setConfirmation(message);
    setReturnFocus({ to: 'confirmation' });
  };

  return (
    <div className="stack">
      {confirmation && (
        <p ref={confirmationRef} className="alert alert-success" role="status" tabIndex={-1}>
          {confirmation}
        </p>
      )}
      {rows.length === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <div className="table-wrapper">
          <table className="dose-table" aria-busy={busy}>
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Student</th>
                <th scope="col">Medication</th>
                <th scope="col">Dose</th>
                <th scope="col">Route</th>
                <th scope="col">Status</th>
                {showRecorded && <th scope="col">Recorded</th>}
                {canRecord && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const time = formatTime(row.scheduledFor);
                const medication = medicationLabel(row);
                return (
                  <Fragment key={row.key}>
                    <tr className={`dose-row dose-${row.status.toLowerCase()}`}>
                      <td>
                        <time dateTime={row.scheduledFor}>{time}</time>
                      </td>
                      <th scope="row">
                        <Link to={studentProfilePath(row.studentId)}>{row.studentName}</Link>
                      </th>
                      <td>{medication}</td>
                      <td>{row.dose}</td>
                      <td>{humanize(row.route)}</td>
                      <td>
                        <DoseStatusBadge status={row.status} />
                      </td>
                      {showRecorded && (
                        <td>{row.administration && <RecordedEntry administration={row.administration} />}</td>
                      )}
                      {canRecord && (
                        <td>
                          {recordable(row) && (
                            <button
                              ref={(element) => {
                                if (element) buttons.current.set(row.key, element);
                                else buttons.current.delete(row.key);
                              }}
                              type="button"
                              className="button"
                              aria-expanded={recording?.key === row.key}
                              onClick={() => open(row)}
                            >
                              Record
                              <span className="visually-hidden">
                                {' '}
                                {medication} for {row.studentName}, {time}
                              </span>
                            </button>
                          )}
                        </td>
                      )}
                    </tr>
                    {recording?.key === row.key && !orphaned && (
                      <tr className="dose-form-row">
                        <td colSpan={columns}>
                          <RecordDueDose
                            row={row}
                            onCancel={() => cancel(row.key)}
                            onSaved={saved}
                            onSuccess={succeed}
                          />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {orphaned && (
        <div className="stack">
          <p className="alert alert-info" role="status">
            This dose is no longer waiting to be recorded: someone else may have recorded it.
          </p>
          <RecordDueDose
            row={recording}
            onCancel={() => cancel(recording.key)}
            onSaved={saved}
            onSuccess={succeed}
          />
        </div>
      )}
    </div>
  );
}
