import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import { isApiError } from '@/services/api/ApiError';
import type { QueueStatsResponse, QueueSummary } from '../types';
import { adminKeys } from './adminKeys';

/** Counts move as workers run; an admin watching the page sees them move without reloading. */
export const QUEUE_STATS_REFRESH_MS = 10_000;

export async function getQueueStats(signal?: AbortSignal): Promise<QueueSummary[]> {
  const response = await apiRequest<QueueStatsResponse>('/api/v1/admin/queues', { signal });
  return response.data;
}

export function queueStatsQueryOptions() {
  return queryOptions({
    queryKey: adminKeys.queues(),
    queryFn: ({ signal }) => getQueueStats(signal),
    // A 403 will not turn into a 200 by asking again.
    refetchInterval: (query) =>
      isApiError(query.state.error) && query.state.error.status === 403 ? false : QUEUE_STATS_REFRESH_MS,
  });
}

export function useQueueStats() {
  return useQuery(queueStatsQueryOptions());
}
