import { paths } from '@/config/paths';
import { formatTime } from '@/lib/formatDate';
import { humanize } from '@/lib/humanize';
import { useOpenAlerts } from '../api/getOpenAlerts';
import type { OpenAlert } from '../types';
import { DashboardPanel, QueryStatus } from './DashboardPanel';

/** How many alerts the panel lists; the Alerts page has them all. */
export const ALERTS_SHOWN = 5;

function acknowledged(alert: OpenAlert): string {
  const count = alert.acknowledgements.length;
  return count === 0 ? 'Not acknowledged yet' : `Acknowledged by ${count}`;
}

export function AlertsPanel() {
  const alerts = useOpenAlerts();
  const shown = alerts.data?.slice(0, ALERTS_SHOWN);

  return (
    <DashboardPanel
      title="Open emergency alerts"
      count={alerts.data?.length}
      link={{ to: paths.alerts, label: 'All alerts' }}
    >
      <QueryStatus isPending={alerts.isPending} error={alerts.error} loadingText="Loading alerts…" />
      {shown && shown.length === 0 && <p className="muted">No open alerts.</p>}
      {shown && shown.length > 0 && (
        <ul className="plain-list dashboard-list">
          {shown.map((alert) => (
            <li key={alert.id} className="dashboard-item">
              <p className="row">
                <strong>
                  {humanize(alert.type)} — {alert.location}
                </strong>
                <span className={`badge severity-${alert.severity.toLowerCase()}`}>
                  Severity: {humanize(alert.severity)}
                </span>
                {alert.escalated && <span className="badge">Escalated</span>}
              </p>
              <p className="muted">
                {alert.studentName ? `${alert.studentName} · ` : ''}
                Raised by {alert.raisedBy.name} at{' '}
                <time dateTime={alert.createdAt}>{formatTime(alert.createdAt)}</time> · {acknowledged(alert)}
              </p>
            </li>
          ))}
        </ul>
      )}
      {alerts.data && alerts.data.length > ALERTS_SHOWN && (
        <p className="muted">
          Showing the newest {ALERTS_SHOWN} of {alerts.data.length}.
        </p>
      )}
    </DashboardPanel>
  );
}
