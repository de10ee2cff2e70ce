import { PagedResults } from '@/components/PagedResults';
import { isApiError } from '@/services/api/ApiError';
import { useSchools } from '@/services/api/getSchools';
import { useIncidents } from '../api/getIncidents';
import { useIncidentFilters } from '../hooks/useIncidentFilters';
import { useLiveIncidents } from '../hooks/useLiveIncidents';
import { IncidentFilters } from './IncidentFilters';
import { IncidentTable } from './IncidentTable';
import { RecordIncidentAction } from './RecordIncidentAction';

interface IncidentsPageProps {
  /** Nurses and admins record incidents; the server refuses everyone else. */
  canRecord: boolean;
}

/** Every incident report in the organization, newest first, with filters. */
export function IncidentsPage({ canRecord }: IncidentsPageProps) {
  const filters = useIncidentFilters();
  const incidents = useIncidents(filters.query);
  const schools = useSchools();
  useLiveIncidents();
  const forbidden = isApiError(incidents.error) && incidents.error.status === 403;

  return (
    <section className="stack" aria-labelledby="incidents-heading">
      <h1 id="incidents-heading">Incidents</h1>
      {forbidden ? (
        <p className="alert alert-error" role="alert">
          Incident reports are for nurses and district admins.
        </p>
      ) : (
        <>
          {canRecord && <RecordIncidentAction />}
          <IncidentFilters
            filters={filters.filters}
            onChange={filters.setFilter}
            rangeError={filters.error}
            onClear={filters.clear}
            schools={schools.data}
            schoolsError={
              schools.isError ? `Schools could not be listed: ${schools.error.message}` : undefined
            }
          />
          <PagedResults query={incidents} noun="incidents" onPageChange={filters.setPage}>
            {(rows, busy) => <IncidentTable incidents={rows} busy={busy} />}
          </PagedResults>
        </>
      )}
    </section>
  );
}
