import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from './apiClient';

/** GET /api/v1/schools rows: the organization's schools, by name. */
export interface School {
  id: string;
  name: string;
  code?: string | null;
}

export const schoolKeys = {
  all: ['schools'] as const,
};

/** GET /api/v1/schools: one call and one cache for every feature's school filter. */
export async function getSchools(signal?: AbortSignal): Promise<School[]> {
  const response = await apiRequest<{ data: School[] }>('/api/v1/schools', { signal });
  return response.data;
}

export function schoolsQueryOptions() {
  return queryOptions({
    queryKey: schoolKeys.all,
    queryFn: ({ signal }) => getSchools(signal),
    // Schools change with the roster sync, a few times a year, not during a shift.
    staleTime: 60 * 60_000,
  });
}

export function useSchools() {
  return useQuery(schoolsQueryOptions());
}
