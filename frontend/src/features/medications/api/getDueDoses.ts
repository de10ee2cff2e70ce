import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { DueDose } from '../types';
import { medicationKeys } from './medicationKeys';

/** Doses turn due and overdue as the clock moves, with no event to say so: ask every minute. */
export const DUE_DOSES_REFRESH_MS = 60_000;

/**
 * Today's scheduled doses with nothing recorded: every one whose time has passed, and those
 * up to `window` minutes ahead. Without `window` the organization's dose window applies, and
 * `status` (DUE within it, OVERDUE after it) is the server's word.
 */
export function getDueDoses(window?: number, signal?: AbortSignal): Promise<DueDose[]> {
  return apiRequest<DueDose[]>('/api/v1/medications/due', { query: { window }, signal });
}

export function dueDosesQueryOptions(window?: number) {
  return queryOptions({
    queryKey: medicationKeys.dueWithin(window ?? 'default'),
    queryFn: ({ signal }) => getDueDoses(window, signal),
    refetchInterval: DUE_DOSES_REFRESH_MS,
  });
}

export function useDueDoses(window?: number) {
  return useQuery(dueDosesQueryOptions(window));
}
