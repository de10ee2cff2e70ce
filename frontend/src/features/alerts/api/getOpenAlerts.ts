import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { EmergencyAlert } from '../types';
import { alertKeys } from './alertKeys';
import { sortNewestFirst } from './alertCache';

export async function getOpenAlerts(signal?: AbortSignal): Promise<EmergencyAlert[]> {
  const page = await apiRequest<{ data: EmergencyAlert[] }>('/api/v1/alerts', {
    query: { status: 'open' },
    signal,
  });
  return sortNewestFirst(page.data);
}

export function openAlertsQueryOptions() {
  return queryOptions({
    queryKey: alertKeys.open(),
    queryFn: ({ signal }) => getOpenAlerts(signal),
  });
}

/** The organization's open alerts, newest first; kept live by useLiveAlerts(). */
export function useOpenAlerts() {
  return useQuery(openAlertsQueryOptions());
}
