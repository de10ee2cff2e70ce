import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { Incident, Page } from '../types';
import { dashboardKeys } from './dashboardKeys';

export const RECENT_INCIDENTS = 5;

/** The newest incidents (the server lists them by when they happened, newest first). */
export function getRecentIncidents(signal?: AbortSignal): Promise<Page<Incident>> {
  return apiRequest<Page<Incident>>('/api/v1/incidents', { query: { pageSize: RECENT_INCIDENTS }, signal });
}

export function recentIncidentsQueryOptions() {
  return queryOptions({
    queryKey: dashboardKeys.incidents(),
    queryFn: ({ signal }) => getRecentIncidents(signal),
  });
}

export function useRecentIncidents() {
  return useQuery(recentIncidentsQueryOptions());
}
