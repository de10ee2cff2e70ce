import { QUEUE_DASHBOARD_URL, useOpenQueueDashboardSession } from '../api/openQueueDashboardSession';

/**
 * Opens the queue dashboard in a new tab. The tab is opened in the click itself (popup blockers
 * allow a new window only there) and pointed at the dashboard once the cookie is set; if the
 * server refuses, the blank tab is closed again.
 */
export function useOpenQueueDashboard() {
  const session = useOpenQueueDashboardSession();

  const open = () => {
    const tab = window.open('', '_blank');
    // The dashboard has no business with this window.
    if (tab) tab.opener = null;
    session.mutate(undefined, {
      onSuccess: () => {
        if (tab) tab.location.href = QUEUE_DASHBOARD_URL;
        else window.open(QUEUE_DASHBOARD_URL, '_blank', 'noopener');
      },
      onError: () => tab?.close(),
    });
  };

  return { open, isPending: session.isPending, isSuccess: session.isSuccess, error: session.error };
}
