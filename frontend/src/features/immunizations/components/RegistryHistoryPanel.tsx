import { useId, useState } from 'react';
import { formatCalendarDate } from '@/lib/formatDate';
import { useRegistryHistory } from '../api/getRegistryHistory';
import { useImportRegistryRecords } from '../api/importRegistryRecords';
import type { RegistryHistory, RegistryHistoryRecord } from '../types';

const NO_RECORDS: Record<string, string> = {
  NF: 'The state registry has no record of this student.',
  TM: 'The state registry found several possible matches and returned none; check the name and date of birth.',
  PD: 'The state registry holds this student’s record as protected and cannot share it.',
};

function emptyText(history: RegistryHistory): string {
  return NO_RECORDS[history.status] ?? 'The state registry holds no doses for this student.';
}

const describe = (record: RegistryHistoryRecord) =>
  `${record.vaccineName} given ${formatCalendarDate(record.administeredOn)}`;

interface RegistryHistoryPanelProps {
  studentId: string;
  /** After an import: the profile's own copy of the records is stale. */
  onImported?: () => void;
}

/**
 * "Registry history": what the state registry holds for the student, asked for when opened.
 * Each dose says whether it is already on file; the others can be imported one at a time.
 */
export function RegistryHistoryPanel({ studentId, onImported }: RegistryHistoryPanelProps) {
  const [open, setOpen] = useState(false);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const panelId = useId();
  const history = useRegistryHistory(studentId, open);
  const importing = useImportRegistryRecords(studentId, onImported);

  const importOne = (record: RegistryHistoryRecord) => {
    setAnnouncement(null);
    importing.mutate([record], {
      onSuccess: ({ imported }) =>
        setAnnouncement(
          imported.length > 0 ? `Imported ${describe(record)}.` : `${describe(record)} was already on file.`,
        ),
    });
  };

  return (
    <div className="stack">
      <div className="row">
        <button
          type="button"
          className="button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((value) => !value)}
        >
          Registry history
        </button>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {open && (
        <div id={panelId} className="stack">
          {history.isPending && (
            <p className="muted" role="status">
              Asking the state registry…
            </p>
          )}
          {history.isError && (
            <p className="alert alert-error" role="alert">
              The registry history could not be read: {history.error.message}
            </p>
          )}
          {history.data && history.data.records.length === 0 && (
            <p className="muted">{emptyText(history.data)}</p>
          )}
          {history.data && history.data.records.length > 0 && (
            <div className="table-wrapper">
              <table>
                <caption>Doses the state registry holds</caption>
                <thead>
                  <tr>
                    <th scope="col">Given on</th>
                    <th scope="col">Vaccine</th>
                    <th scope="col">Lot</th>
                    <th scope="col">On file here</th>
                  </tr>
                </thead>
                <tbody>
                  {history.data.records.map((record) => (
                    <tr key={`${record.cvxCode}-${record.administeredOn}`}>
                      <td>
                        <time dateTime={record.administeredOn}>
                          {formatCalendarDate(record.administeredOn)}
                        </time>
                      </td>
                      <td>{record.vaccineName}</td>
                      <td>{record.lotNumber ?? '—'}</td>
                      <td>
                        {record.onFile ? (
                          'Already on file'
                        ) : record.importable ? (
                          <button
                            type="button"
                            className="button"
                            onClick={() => importOne(record)}
                            disabled={importing.isPending}
                            aria-label={`Import ${describe(record)}`}
                          >
                            Import
                          </button>
                        ) : (
                          'Cannot be imported'
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {history.data && history.data.unreadable > 0 && (
            <p className="muted">
              {history.data.unreadable} more {history.data.unreadable === 1 ? 'dose' : 'doses'} could not be
              read.
            </p>
          )}
          {importing.isError && (
            <p className="alert alert-error" role="alert">
              The dose could not be imported: {importing.error.message}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
