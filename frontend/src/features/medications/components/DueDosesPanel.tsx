import { useId } from 'react';
import { Link } from 'react-router';
import { useDueDoses } from '../api/getDueDoses';
import { dueRows } from '../hooks/marRows';
import { useLiveDueDoses } from '../hooks/useLiveDueDoses';
import { medicationsPaths } from '../paths';
import { DoseTable } from './DoseTable';

/** The dashboard's doses due now and overdue, each recordable from here (nurses and admins). */
export function DueDosesPanel({ canRecord }: { canRecord: boolean }) {
  const headingId = useId();
  useLiveDueDoses();
  const due = useDueDoses();
  const rows = due.data ? dueRows(due.data) : undefined;

  return (
    <section className="stack" aria-labelledby={headingId}>
      <div className="row dose-panel-heading">
        <h2 id={headingId}>Doses due now and overdue{rows ? ` (${rows.length})` : ''}</h2>
        <Link to={medicationsPaths.medications}>Today&apos;s medication record</Link>
      </div>
      {due.isError && (
        <p className="alert alert-error" role="alert">
          {due.error.message}
        </p>
      )}
      {due.isPending && (
        <p className="muted" role="status">
          Loading due doses…
        </p>
      )}
      {rows && (
        <DoseTable
          rows={rows}
          caption="Doses due now and overdue"
          canRecord={canRecord}
          busy={due.isFetching}
          emptyText="No doses are due right now."
        />
      )}
    </section>
  );
}
