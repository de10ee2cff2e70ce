import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { RegistryHistory } from '../types';
import { immunizationKeys } from './getImmunizationStatus';

/** GET /api/v1/students/{id}/immunizations/registry-history: what the state registry holds. */
export function getRegistryHistory(studentId: string, signal?: AbortSignal): Promise<RegistryHistory> {
  return apiRequest<RegistryHistory>(
    `/api/v1/students/${encodeURIComponent(studentId)}/immunizations/registry-history`,
    { signal },
  );
}

export function registryHistoryQueryOptions(studentId: string) {
  return queryOptions({
    queryKey: immunizationKeys.registryHistory(studentId),
    queryFn: ({ signal }) => getRegistryHistory(studentId, signal),
    // A query to an outside system: asked for when the nurse opens the panel, not on every focus.
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });
}

/** Fetched only while `enabled` (the panel is open). */
export function useRegistryHistory(studentId: string, enabled: boolean) {
  return useQuery({ ...registryHistoryQueryOptions(studentId), enabled });
}
