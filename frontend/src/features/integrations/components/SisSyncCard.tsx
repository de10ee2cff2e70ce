import { useState } from 'react';
import { CheckboxField } from '@/components/CheckboxField';
import { useSisSync } from '../hooks/useSisSync';
import { SisRunFacts } from './SisRunFacts';

/** The roster sync: how the last one went, "Sync now", and the progress of the one started here. */
export function SisSyncCard() {
  const { runs, latest, view, busy, syncNow, startError } = useSisSync();
  const [full, setFull] = useState(false);

  return (
    <section className="panel stack" aria-labelledby="sis-sync-heading">
      <h2 id="sis-sync-heading">Roster sync</h2>
      <p className="muted">
        Students and schools from the student information system. A nightly sync runs on its own; start one
        here after a change in the SIS that cannot wait.
      </p>
      {runs.isPending && (
        <p className="muted" role="status">
          Loading the last sync…
        </p>
      )}
      {runs.isError && (
        <p className="alert alert-error" role="alert">
          The sync history could not be loaded: {runs.error.message}
        </p>
      )}
      {runs.isSuccess && (latest ? <SisRunFacts run={latest} /> : <p>No sync has run yet.</p>)}
      <CheckboxField
        id="sis-sync-full"
        label="Full sync: read the whole roster again (slower; finds students removed from the SIS)"
        checked={full}
        onChange={setFull}
      />
      <div className="row">
        <button
          type="button"
          className="button button-primary"
          onClick={() => syncNow(full ? 'full' : 'delta')}
          disabled={busy}
          aria-busy={busy}
        >
          Sync now
        </button>
      </div>
      <p aria-live="polite" aria-atomic="true" className={view ? undefined : 'visually-hidden'}>
        {view?.text ?? ''}
      </p>
      {startError && (
        <p className="alert alert-error" role="alert">
          The sync could not be started: {startError.message}
        </p>
      )}
    </section>
  );
}
