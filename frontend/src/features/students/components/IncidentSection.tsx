import type { ReactNode } from 'react';
import { formatDateTime } from '@/lib/formatDate';
import { humanize } from '@/lib/humanize';
import type { IncidentSummary } from '../types';
import { severityClass } from './AlertBadge';
import { emptyState, ProfileSection } from './ProfileSection';

function yesNo(value: boolean | undefined, no = 'No'): string {
  if (value === undefined) return '—';
  return value ? 'Yes' : no;
}

interface IncidentSectionProps {
  incidents: IncidentSummary[] | undefined;
  /** e.g. the "Record incident" button and its form. */
  action?: ReactNode;
}

export function IncidentSection({ incidents, action }: IncidentSectionProps) {
  const empty = emptyState(incidents, {
    missing: 'Incident reports are not available.',
    empty: 'No incidents reported.',
  });
  const newestFirst = [...(incidents ?? [])].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  return (
    <ProfileSection title="Incidents" emptyText={empty}>
      {action}
      {newestFirst.length > 0 && (
        <div className="table-wrapper">
          <table>
            <caption className="visually-hidden">Incident reports</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Type</th>
                <th scope="col">Severity</th>
                <th scope="col">Location</th>
                <th scope="col">Parent notified</th>
                <th scope="col">Follow-up</th>
              </tr>
            </thead>
            <tbody>
              {newestFirst.map((incident) => (
                <tr key={incident.id}>
                  <td>
                    <time dateTime={incident.occurredAt}>{formatDateTime(incident.occurredAt)}</time>
                  </td>
                  <td>{humanize(incident.type)}</td>
                  <td>
                    <span className={`badge ${severityClass(incident.severity)}`}>
                      {humanize(incident.severity)}
                    </span>
                  </td>
                  <td>{incident.location || '—'}</td>
                  <td>{yesNo(incident.parentNotified)}</td>
                  <td>{incident.followUpRequired ? 'Required' : yesNo(incident.followUpRequired, 'None')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ProfileSection>
  );
}
