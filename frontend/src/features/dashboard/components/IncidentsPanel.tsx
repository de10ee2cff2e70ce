import { StudentLink } from '@/components/StudentLink';
import { formatDateTime } from '@/lib/formatDate';
import { humanize } from '@/lib/humanize';
import { useRecentIncidents } from '../api/getRecentIncidents';
import { Link } from 'react-router';
import { DashboardPanel, QueryStatus } from './DashboardPanel';

interface IncidentsPanelProps {
  link?: string;
  incidentLink?: (incidentId: string) => string;
}

export function IncidentsPanel({ link, incidentLink }: IncidentsPanelProps) {
  const incidents = useRecentIncidents();
  const page = incidents.data;

  return (
    <DashboardPanel title="Recent incidents" link={link ? { to: link, label: 'All incidents' } : undefined}>
      <QueryStatus isPending={incidents.isPending} error={incidents.error} loadingText="Loading incidents…" />
      {page && page.data.length === 0 && <p className="muted">No incidents recorded.</p>}
      {page && page.data.length > 0 && (
        <ul className="plain-list dashboard-list">
          {page.data.map((incident) => {
            const when = formatDateTime(incident.occurredAt);
            return (
              <li key={incident.id} className="dashboard-item">
                <p className="row">
                  <strong>
                    {incidentLink ? (
                      <Link to={incidentLink(incident.id)}>
                        {humanize(incident.type)} — {incident.location}
                      </Link>
                    ) : (
                      `${humanize(incident.type)} — ${incident.location}`
                    )}
                  </strong>
                  <span className={`badge severity-${incident.severity.toLowerCase()}`}>
                    Severity: {humanize(incident.severity)}
                  </span>
                  {incident.followUpRequired && <span className="badge">Follow-up required</span>}
                </p>
                <p className="muted">
                  <time dateTime={incident.occurredAt}>{when}</time> ·{' '}
                  <StudentLink
                    studentId={incident.studentId}
                    studentName={incident.studentName}
                    context={`the ${humanize(incident.type).toLowerCase()} at ${when}`}
                  />
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </DashboardPanel>
  );
}
