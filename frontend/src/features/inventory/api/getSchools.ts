import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { School } from '../types';
import { inventoryKeys } from './inventoryKeys';

/** GET /api/v1/schools: the caller's organization's schools, by name. */
export async function getSchools(signal?: AbortSignal): Promise<School[]> {
  const { data } = await apiRequest<{ data: School[] }>('/api/v1/schools', { signal });
  return data;
}

export function schoolsQueryOptions() {
  return queryOptions({
    queryKey: inventoryKeys.schools(),
    queryFn: ({ signal }) => getSchools(signal),
    // Schools change once a year, not while a page is open.
    staleTime: 10 * 60_000,
  });
}

export function useSchools() {
  return useQuery(schoolsQueryOptions());
}
