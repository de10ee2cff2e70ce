import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { Incident } from '../types';
import { incidentKeys } from './incidentKeys';

/** GET /api/v1/incidents/{id}: the whole report, narrative included. */
export function getIncident(incidentId: string, signal?: AbortSignal): Promise<Incident> {
  return apiRequest<Incident>(`/api/v1/incidents/${encodeURIComponent(incidentId)}`, { signal });
}

export function incidentQueryOptions(incidentId: string) {
  return queryOptions({
    queryKey: incidentKeys.detail(incidentId),
    queryFn: ({ signal }) => getIncident(incidentId, signal),
  });
}

export function useIncident(incidentId: string) {
  return useQuery(incidentQueryOptions(incidentId));
}
