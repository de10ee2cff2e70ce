import { useMutation } from '@tanstack/react-query';
import { env } from '@/config/env';
import { apiRequest } from '@/services/api/apiClient';
import type { ApiError } from '@/services/api/ApiError';

/** The server's bull-board pages: a browser tab, not an SPA route. */
export const QUEUE_DASHBOARD_URL = `${env.apiBaseUrl}/admin/queues`;

/**
 * Asks the server for the dashboard's cookie (HttpOnly, scoped to /admin/queues, short-lived):
 * a new tab cannot send our bearer header, and tokens never go into URLs.
 */
export function openQueueDashboardSession(): Promise<void> {
  return apiRequest<void>('/api/v1/admin/queue-dashboard/session', { method: 'POST' });
}

export function useOpenQueueDashboardSession() {
  return useMutation<void, ApiError, void>({ mutationFn: openQueueDashboardSession });
}
