import { rememberReport, useSessionReports } from '../hooks/sessionReports';
import { QueuedReportList } from './QueuedReportList';
import { ReportRequestForm } from './ReportRequestForm';

/** Admins and nurses: PDF reports, downloaded at once or queued for a notification. */
export function ReportsPage() {
  const reports = useSessionReports();

  return (
    <section className="stack" aria-labelledby="reports-heading">
      <h1 id="reports-heading">Reports</h1>
      <p className="muted">
        Download a report now, or queue a large one: you get a notification when it is ready.
      </p>
      <ReportRequestForm onQueued={rememberReport} />
      <QueuedReportList reports={reports} />
    </section>
  );
}
