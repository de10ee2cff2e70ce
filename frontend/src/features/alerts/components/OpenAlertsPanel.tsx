import { useId } from 'react';
import { formatDateTime, formatTime } from '@/lib/formatDate';
import { useOpenAlerts } from '../api/getOpenAlerts';
import type { EmergencyAlert } from '../types';
import { alertTitle, severityClass, severityText } from './alertLabels';

export function acknowledgedByText(alert: EmergencyAlert): string {
  if (alert.acknowledgements.length === 0) return 'Acknowledged by: no one yet';
  const names = alert.acknowledgements.map(
    (acknowledgement) => `${acknowledgement.userName} (${formatTime(acknowledgement.acknowledgedAt)})`,
  );
  return `Acknowledged by: ${names.join(', ')}`;
}

function OpenAlert({ alert }: { alert: EmergencyAlert }) {
  const headingId = useId();
  return (
    <li>
      <article className="open-alert stack" aria-labelledby={headingId}>
        <div className="row">
          <h3 id={headingId}>
            {alertTitle(alert)} — {alert.location}
          </h3>
          <span className={`badge ${severityClass(alert.severity)}`}>{severityText(alert)}</span>
          {alert.escalated && <span className="badge escalated-badge">Escalated</span>}
        </div>
        <p>{alert.description}</p>
        <p className="muted">
          {alert.studentName ? `${alert.studentName} · ` : ''}Raised by {alert.raisedBy.name} at{' '}
          <time dateTime={alert.createdAt}>{formatDateTime(alert.createdAt)}</time>
        </p>
        <p>{acknowledgedByText(alert)}</p>
      </article>
    </li>
  );
}

/** The organization's open alerts with who has seen each; socket events keep it current. */
export function OpenAlertsPanel() {
  const headingId = useId();
  const openAlerts = useOpenAlerts();
  const alerts = openAlerts.data;

  return (
    <section className="stack" aria-labelledby={headingId}>
      <h2 id={headingId}>Open alerts{alerts ? ` (${alerts.length})` : ''}</h2>
      {openAlerts.isError && (
        <p className="alert alert-error" role="alert">
          {openAlerts.error.message}
        </p>
      )}
      {openAlerts.isPending && (
        <p className="muted" role="status">
          Loading alerts…
        </p>
      )}
      {alerts && alerts.length === 0 && <p className="muted">No open alerts.</p>}
      {alerts && alerts.length > 0 && (
        <ul className="plain-list stack">
          {alerts.map((alert) => (
            <OpenAlert key={alert.id} alert={alert} />
          ))}
        </ul>
      )}
    </section>
  );
}
