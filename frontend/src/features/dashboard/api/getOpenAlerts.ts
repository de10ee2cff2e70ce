import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { OpenAlert } from '../types';
import { dashboardKeys } from './dashboardKeys';

/** The server's largest page: more open alerts than this at once is a disaster drill. */
const LIMIT = 200;

/** The organization's open emergency alerts, newest first. */
export async function getOpenAlerts(signal?: AbortSignal): Promise<OpenAlert[]> {
  const page = await apiRequest<{ data: OpenAlert[] }>('/api/v1/alerts', {
    query: { status: 'open', limit: LIMIT },
    signal,
  });
  return [...page.data].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}

export function openAlertsQueryOptions() {
  return queryOptions({
    queryKey: dashboardKeys.alerts(),
    queryFn: ({ signal }) => getOpenAlerts(signal),
  });
}

export function useOpenAlerts() {
  return useQuery(openAlertsQueryOptions());
}
