import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import { isApiError } from '@/services/api/ApiError';
import type { QueuedReport, ReportStatus } from '../types';
import { reportKeys } from './reportKeys';

/** Without a live connection nothing tells us a report is ready: ask this often. */
export const REPORT_POLL_MS = 3_000;
/** With one, `job:*` events refresh the status; this only catches an event lost in a reconnect. */
export const REPORT_SAFETY_POLL_MS = 30_000;

export function isPending(status: ReportStatus | undefined): boolean {
  return status === undefined || status === 'queued' || status === 'running';
}

export function getReport(reportId: string, signal?: AbortSignal): Promise<QueuedReport> {
  return apiRequest<QueuedReport>(`/api/v1/reports/${encodeURIComponent(reportId)}`, { signal });
}

export function reportQueryOptions(reportId: string, live: boolean) {
  return queryOptions({
    queryKey: reportKeys.detail(reportId),
    queryFn: ({ signal }) => getReport(reportId, signal),
    refetchInterval: (query) => {
      // A refused or vanished report (403, 404) will not come back by asking again.
      if (isApiError(query.state.error) && query.state.error.status < 500) return false;
      if (!isPending(query.state.data?.status)) return false;
      return live ? REPORT_SAFETY_POLL_MS : REPORT_POLL_MS;
    },
    staleTime: 0,
  });
}

export function useReport(reportId: string, live: boolean) {
  return useQuery(reportQueryOptions(reportId, live));
}
