import { formatDateTime } from '@/lib/formatDate';
import type { IntegrationStatus } from '../types';
import { circuitHints, circuitLabels, integrationName } from './integrationLabels';

interface IntegrationTableProps {
  integrations: IntegrationStatus[];
  busy: boolean;
}

export function IntegrationTable({ integrations, busy }: IntegrationTableProps) {
  if (integrations.length === 0) {
    return <p className="muted">No outside system is configured on this server.</p>;
  }
  return (
    <div className="table-wrapper">
      <table aria-busy={busy}>
        <caption className="visually-hidden">Outside systems and their circuit state</caption>
        <thead>
          <tr>
            <th scope="col">Integration</th>
            <th scope="col">Circuit</th>
            <th scope="col">Failures</th>
            <th scope="col">Last failure</th>
          </tr>
        </thead>
        <tbody>
          {integrations.map((integration) => (
            <tr key={integration.name}>
              <th scope="row">{integrationName(integration.name)}</th>
              <td>
                {integration.state === 'closed' ? (
                  circuitLabels.closed
                ) : (
                  <strong>{circuitLabels[integration.state] ?? integration.state}</strong>
                )}
                <span className="muted">
                  {' '}
                  ({circuitHints[integration.state] ?? 'unknown state'}
                  {integration.state === 'open' && integration.nextAttemptAt
                    ? `; next try ${formatDateTime(integration.nextAttemptAt)}`
                    : ''}
                  )
                </span>
              </td>
              <td>{integration.failures.toLocaleString()}</td>
              <td>{integration.lastFailureAt ? formatDateTime(integration.lastFailureAt) : 'None'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
