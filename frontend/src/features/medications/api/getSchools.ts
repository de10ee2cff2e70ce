import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { School } from '../types';
import { medicationKeys } from './medicationKeys';

export async function getSchools(signal?: AbortSignal): Promise<School[]> {
  const response = await apiRequest<{ data: School[] }>('/api/v1/schools', { signal });
  return response.data;
}

export function schoolsQueryOptions() {
  return queryOptions({
    queryKey: medicationKeys.schools(),
    queryFn: ({ signal }) => getSchools(signal),
    // Schools open and close once a year, not during a shift.
    staleTime: 60 * 60_000,
  });
}

export function useSchools() {
  return useQuery(schoolsQueryOptions());
}
