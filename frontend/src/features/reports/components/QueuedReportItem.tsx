import { formatDateTime } from '@/lib/formatDate';
import { useDownloadQueuedReport } from '../api/downloadQueuedReport';
import { useReport } from '../api/getReport';
import type { SessionReport } from '../hooks/sessionReports';
import { reportLabels, statusLabels } from './reportLabels';

interface QueuedReportItemProps {
  report: SessionReport;
  /** 0-100 from `job:progress`, when the job reports it. */
  progress: number | undefined;
  /** Whether `job:*` events arrive; without them the status is polled more often. */
  live: boolean;
}

export function QueuedReportItem({ report, progress, live }: QueuedReportItemProps) {
  const status = useReport(report.id, live);
  const download = useDownloadQueuedReport();
  const label = reportLabels[report.reportType];
  const requested = formatDateTime(report.requestedAt);
  const data = status.data;
  // A completed report has a downloadUrl. Once it expires the download answers 410, and the
  // server's message is shown under the button.
  const ready = data?.status === 'completed' && data.downloadUrl !== null;

  let statusText = 'Checking…';
  if (status.isError) statusText = `Status unavailable: ${status.error.message}`;
  else if (data?.status === 'running' && progress !== undefined)
    statusText = `${statusLabels.running} (${progress}%)`;
  else if (data?.status === 'failed')
    statusText = `${statusLabels.failed}: ${data.error ?? 'queue it again, or ask an administrator.'}`;
  else if (data?.status === 'completed' && data.expiresAt)
    statusText = `${statusLabels.completed} until ${formatDateTime(data.expiresAt)}`;
  else if (data) statusText = statusLabels[data.status];

  return (
    <li className="stack">
      <p>
        <strong>{label}</strong> <span className="muted">requested {requested}</span>
      </p>
      <p aria-live="polite" aria-atomic="true">
        Status: {statusText}
      </p>
      {ready && (
        <div className="row">
          <button
            type="button"
            className="button button-primary"
            onClick={() => download.mutate(data)}
            disabled={download.isPending}
            aria-busy={download.isPending}
          >
            Download
            <span className="visually-hidden">
              {' '}
              {label} requested {requested}
            </span>
          </button>
        </div>
      )}
      {download.isError && (
        <p className="alert alert-error" role="alert">
          The report could not be downloaded: {download.error.message}
        </p>
      )}
    </li>
  );
}
