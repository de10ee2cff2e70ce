import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { School } from '../types';
import { immunizationKeys } from './getImmunizationStatus';

/** GET /api/v1/schools: this feature's own call, for the compliance filter. */
export async function getSchools(signal?: AbortSignal): Promise<School[]> {
  const response = await apiRequest<{ data: School[] }>('/api/v1/schools', { signal });
  return response.data;
}

export function schoolsQueryOptions() {
  return queryOptions({
    queryKey: immunizationKeys.schools(),
    queryFn: ({ signal }) => getSchools(signal),
    // Schools change with the roster sync, a few times a year.
    staleTime: 10 * 60_000,
  });
}

export function useSchools() {
  return useQuery(schoolsQueryOptions());
}
