import { isApiError } from '@/services/api/ApiError';
import { INTEGRATIONS_REFRESH_MS, useIntegrations } from '../api/getIntegrations';
import { IntegrationTable } from './IntegrationTable';
import { SisSyncCard } from './SisSyncCard';

/** District admins: whether the outside systems answer, and the roster sync. */
export function IntegrationsPage() {
  const integrations = useIntegrations();
  const forbidden = isApiError(integrations.error) && integrations.error.status === 403;

  return (
    <section className="stack" aria-labelledby="integrations-heading">
      <h1 id="integrations-heading">Integrations</h1>
      {forbidden ? (
        <p className="alert alert-error" role="alert">
          Integration status is for district admins only.
        </p>
      ) : (
        <>
          <section className="stack" aria-labelledby="circuits-heading">
            <h2 id="circuits-heading">Outside systems</h2>
            <p className="muted">
              A circuit opens after repeated failures, so requests fail at once instead of waiting; it closes
              again when a trial request succeeds. Refreshed every {INTEGRATIONS_REFRESH_MS / 1000} seconds.
            </p>
            {integrations.isError && (
              <p className="alert alert-error" role="alert">
                {integrations.error.message}
              </p>
            )}
            {integrations.isPending && (
              <p className="muted" role="status">
                Loading integrations…
              </p>
            )}
            {integrations.data && (
              <IntegrationTable integrations={integrations.data} busy={integrations.isFetching} />
            )}
          </section>
          {/* After the status answers: a non-admin learns from it, without a second refused request. */}
          {!integrations.isPending && <SisSyncCard />}
        </>
      )}
    </section>
  );
}
