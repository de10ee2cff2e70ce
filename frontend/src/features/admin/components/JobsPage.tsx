import { isApiError } from '@/services/api/ApiError';
import { QUEUE_STATS_REFRESH_MS, useQueueStats } from '../api/getQueueStats';
import { OpenQueueDashboardButton } from './OpenQueueDashboardButton';
import { QueueTable } from './QueueTable';

/** District admins: how the background jobs (reminders, alerts, reports, exports) are doing. */
export function JobsPage() {
  const stats = useQueueStats();
  const forbidden = isApiError(stats.error) && stats.error.status === 403;

  return (
    <section className="stack" aria-labelledby="jobs-heading">
      <h1 id="jobs-heading">Jobs</h1>
      {forbidden ? (
        <p className="alert alert-error" role="alert">
          Job status is for district admins only.
        </p>
      ) : (
        <>
          <p className="muted">
            Background work waiting, running and done, per queue. Refreshed every{' '}
            {QUEUE_STATS_REFRESH_MS / 1000} seconds.
          </p>
          <OpenQueueDashboardButton />
          {stats.isError && (
            <p className="alert alert-error" role="alert">
              {stats.error.message}
            </p>
          )}
          {stats.isPending && (
            <p className="muted" role="status">
              Loading job queues…
            </p>
          )}
          {stats.data && <QueueTable queues={stats.data} busy={stats.isFetching} />}
        </>
      )}
    </section>
  );
}
