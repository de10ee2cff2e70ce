import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { SisRun, SisRunsResponse } from '../types';
import { integrationKeys } from './integrationKeys';

/** While a sync runs and no `job:*` events arrive (no live connection), the runs are asked this often. */
export const SIS_RUNS_POLL_MS = 3_000;
/** With a live connection, events tell us; this only catches one lost in a reconnect. */
export const SIS_RUNS_SAFETY_POLL_MS = 15_000;

export async function getSisRuns(signal?: AbortSignal): Promise<SisRun[]> {
  const response = await apiRequest<SisRunsResponse>('/api/v1/admin/integrations/sis/runs', { signal });
  return response.data;
}

/** `pollMs` decides from the last answer how soon to ask again (false: not until told). */
export function sisRunsQueryOptions(pollMs: (runs: SisRun[] | undefined) => number | false = () => false) {
  return queryOptions({
    queryKey: integrationKeys.sisRuns(),
    queryFn: ({ signal }) => getSisRuns(signal),
    refetchInterval: (query) => pollMs(query.state.data),
  });
}

export function useSisRuns(pollMs?: (runs: SisRun[] | undefined) => number | false) {
  return useQuery(sisRunsQueryOptions(pollMs));
}
