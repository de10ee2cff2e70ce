import { Pagination } from '@/components/Pagination';
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
  const result = incidents.data;
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
          {incidents.isError && (
            <p className="alert alert-error" role="alert">
              {incidents.error.message}
            </p>
          )}
          {incidents.isPending && (
            <p className="muted" role="status">
              Loading incidents…
            </p>
          )}
          {result && result.data.length === 0 && (
            <p className="muted" role="status">
              No incidents match these filters.
            </p>
          )}
          {result && result.data.length > 0 && (
            <>
              <IncidentTable incidents={result.data} busy={incidents.isPlaceholderData} />
              <Pagination
                page={result.page}
                pageSize={result.pageSize}
                total={result.total}
                noun="incidents"
                onPageChange={filters.setPage}
                disabled={incidents.isPlaceholderData}
              />
            </>
          )}
        </>
      )}
    </section>
  );
}
