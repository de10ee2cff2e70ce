import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { School } from '../types';
import { appointmentKeys } from './appointmentKeys';

/** GET /api/v1/schools: the organization's schools, for the calendar's school filter. */
export async function getSchools(signal?: AbortSignal): Promise<School[]> {
  const response = await apiRequest<{ data: School[] }>('/api/v1/schools', { signal });
  return response.data;
}

export function schoolsQueryOptions() {
  return queryOptions({
    queryKey: appointmentKeys.schools(),
    queryFn: ({ signal }) => getSchools(signal),
    // Schools change with the roster sync, a few times a year, not during a shift.
    staleTime: 60 * 60_000,
  });
}

export function useSchools() {
  return useQuery(schoolsQueryOptions());
}
