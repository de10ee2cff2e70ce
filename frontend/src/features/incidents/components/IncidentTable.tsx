import { Link } from 'react-router';
import { formatDateTime } from '@/lib/formatDate';
import { humanize } from '@/lib/humanize';
import { incidentPath } from '../paths';
import type { Incident } from '../types';
import { incidentTitle, parentNotifiedText, severityClass } from './incidentLabels';
import { StudentLink } from '@/components/StudentLink';

interface IncidentTableProps {
  incidents: Incident[];
  busy: boolean;
}

/** Newest first, as the server orders them. */
export function IncidentTable({ incidents, busy }: IncidentTableProps) {
  return (
    <div className="table-wrapper">
      <table aria-busy={busy}>
        <caption className="visually-hidden">Incident reports, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Student</th>
            <th scope="col">Type</th>
            <th scope="col">Severity</th>
            <th scope="col">Location</th>
            <th scope="col">Parent notified</th>
            <th scope="col">Follow-up</th>
          </tr>
        </thead>
        <tbody>
          {incidents.map((incident) => (
            <tr key={incident.id}>
              <th scope="row">
                <Link to={incidentPath(incident.id)}>
                  <time dateTime={incident.occurredAt}>{formatDateTime(incident.occurredAt)}</time>
                </Link>
              </th>
              <td>
                <StudentLink
                  studentId={incident.studentId}
                  studentName={incident.studentName}
                  context={incidentTitle(incident)}
                />
              </td>
              <td>{humanize(incident.type)}</td>
              <td>
                <span className={`badge ${severityClass(incident.severity)}`}>
                  {humanize(incident.severity)}
                </span>
              </td>
              <td>{incident.location}</td>
              <td>{parentNotifiedText(incident)}</td>
              <td>{incident.followUpRequired ? 'Required' : 'None'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
