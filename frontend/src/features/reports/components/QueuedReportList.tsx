import { useWebSocket } from '@/services/websocket/useWebSocket';
import type { SessionReport } from '../hooks/sessionReports';
import { useLiveReports } from '../hooks/useLiveReports';
import { QueuedReportItem } from './QueuedReportItem';

/** The reports this tab queued, newest first, each with its live status. */
export function QueuedReportList({ reports }: { reports: readonly SessionReport[] }) {
  const { isConnected } = useWebSocket();
  const progress = useLiveReports(reports.map((report) => report.id));

  return (
    <section className="stack" aria-labelledby="queued-reports-heading">
      <h2 id="queued-reports-heading">Queued this session</h2>
      {reports.length === 0 ? (
        <p className="muted">Nothing queued yet. Queued reports are listed here until you sign out.</p>
      ) : (
        <ul className="plain-list stack">
          {reports.map((report) => (
            <QueuedReportItem
              key={report.id}
              report={report}
              progress={progress[report.id]}
              live={isConnected}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
