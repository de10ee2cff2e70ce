import { QUEUE_DASHBOARD_URL } from '../api/openQueueDashboardSession';
import { useOpenQueueDashboard } from '../hooks/useOpenQueueDashboard';

export function OpenQueueDashboardButton() {
  const dashboard = useOpenQueueDashboard();

  return (
    <div className="stack">
      <div className="row">
        <button
          type="button"
          className="button button-primary"
          onClick={dashboard.open}
          disabled={dashboard.isPending}
        >
          Open queue dashboard
        </button>
      </div>
      {dashboard.error && (
        <p className="alert alert-error" role="alert">
          The queue dashboard could not be opened: {dashboard.error.message}
        </p>
      )}
      {dashboard.isSuccess && (
        <p className="muted" role="status">
          The dashboard opened in a new tab (it stays signed in for 15 minutes). No tab?{' '}
          <a href={QUEUE_DASHBOARD_URL} target="_blank" rel="noopener noreferrer">
            Open the queue dashboard
          </a>
          .
        </p>
      )}
    </div>
  );
}
