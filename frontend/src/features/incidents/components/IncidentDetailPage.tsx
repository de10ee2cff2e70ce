import { Link } from 'react-router';
import { ActionPanel } from '@/components/ActionPanel';
import { formatDateTime } from '@/lib/formatDate';
import { humanize } from '@/lib/humanize';
import { useDownloadIncidentReport } from '../api/downloadIncidentReport';
import { useIncident } from '../api/getIncident';
import { incidentsPaths } from '../paths';
import type { Incident } from '../types';
import { IncidentFollowUpForm } from './IncidentFollowUpForm';
import { incidentTitle, parentNotifiedText, severityClass } from './incidentLabels';
import { StudentLink } from '@/components/StudentLink';
import './incidents.css';

interface IncidentDetailPageProps {
  incidentId: string;
  /** Nurses and admins update the follow-up; the server refuses everyone else. */
  canEdit: boolean;
}

/** One incident report: the facts, the narrative, the follow-up, and its PDF. */
export function IncidentDetailPage({ incidentId, canEdit }: IncidentDetailPageProps) {
  const incident = useIncident(incidentId);

  return (
    <div className="stack">
      <p>
        <Link to={incidentsPaths.incidents}>All incidents</Link>
      </p>
      {incident.isPending && (
        <p className="muted" role="status">
          Loading the incident…
        </p>
      )}
      {incident.isError && (
        <>
          <h1>Incident</h1>
          <p className="alert alert-error" role="alert">
            {incident.error.message}
          </p>
        </>
      )}
      {incident.data && <IncidentReport incident={incident.data} canEdit={canEdit} />}
    </div>
  );
}

function IncidentReport({ incident, canEdit }: { incident: Incident; canEdit: boolean }) {
  const download = useDownloadIncidentReport();
  const title = incidentTitle(incident);

  return (
    <section className="stack" aria-labelledby="incident-heading">
      <h1 id="incident-heading">{title}</h1>
      <dl className="facts">
        <div>
          <dt>Student</dt>
          <dd>
            <StudentLink studentId={incident.studentId} studentName={incident.studentName} context={title} />
          </dd>
        </div>
        <div>
          <dt>Severity</dt>
          <dd>
            <span className={`badge ${severityClass(incident.severity)}`}>{humanize(incident.severity)}</span>
          </dd>
        </div>
        <div>
          <dt>Where</dt>
          <dd>{incident.location}</dd>
        </div>
        <div>
          <dt>When</dt>
          <dd>
            <time dateTime={incident.occurredAt}>{formatDateTime(incident.occurredAt)}</time>
          </dd>
        </div>
        {incident.createdAt && (
          <div>
            <dt>Reported</dt>
            <dd>
              <time dateTime={incident.createdAt}>{formatDateTime(incident.createdAt)}</time>
            </dd>
          </div>
        )}
        <div>
          <dt>Parent notified</dt>
          <dd>{parentNotifiedText(incident)}</dd>
        </div>
        <div>
          <dt>Follow-up</dt>
          <dd>{incident.followUpRequired ? 'Required' : 'None'}</dd>
        </div>
      </dl>
      {canEdit && (
        <div className="stack">
          <div className="row">
            <button
              type="button"
              className="button"
              onClick={() => download.mutate(incident)}
              disabled={download.isPending}
              aria-busy={download.isPending}
            >
              Incident report (PDF)
            </button>
          </div>
          <p className="muted" role="status">
            {download.isPending
              ? 'Preparing the PDF…'
              : download.isSuccess
                ? 'The PDF is in your downloads.'
                : ''}
          </p>
          {download.isError && (
            <p className="alert alert-error" role="alert">
              The report could not be downloaded: {download.error.message}
            </p>
          )}
        </div>
      )}
      <section className="stack profile-section" aria-labelledby="incident-narrative">
        <h2 id="incident-narrative">What happened</h2>
        <p className="incident-text">{incident.description}</p>
      </section>
      <section className="stack profile-section" aria-labelledby="incident-follow-up">
        <h2 id="incident-follow-up">Actions and follow-up</h2>
        <dl className="stack incident-details">
          <div>
            <dt>Actions taken</dt>
            <dd className="incident-text">{incident.actionsTaken ?? 'None recorded.'}</dd>
          </div>
          <div>
            <dt>Witnesses</dt>
            <dd>{incident.witnesses.length > 0 ? incident.witnesses.join(', ') : 'None recorded.'}</dd>
          </div>
          <div>
            <dt>Follow-up notes</dt>
            <dd className="incident-text">{incident.followUpNotes ?? 'None recorded.'}</dd>
          </div>
        </dl>
        {canEdit && (
          <ActionPanel
            label="Update follow-up"
            renderForm={({ close, succeed }) => (
              <IncidentFollowUpForm
                incident={incident}
                onCancel={close}
                onSaved={() => succeed('Follow-up saved.')}
              />
            )}
          />
        )}
      </section>
    </section>
  );
}
