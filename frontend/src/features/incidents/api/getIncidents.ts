import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import { dayEndInstant, dayStartInstant } from '../dayBounds';
import type { IncidentListQuery, IncidentPage } from '../types';
import { incidentKeys } from './incidentKeys';

/** GET /api/v1/incidents: newest first; a day range covers both days whole, in local time. */
export function getIncidents(query: IncidentListQuery, signal?: AbortSignal): Promise<IncidentPage> {
  return apiRequest<IncidentPage>('/api/v1/incidents', {
    query: {
      from: dayStartInstant(query.from),
      to: dayEndInstant(query.to),
      type: query.type,
      severity: query.severity,
      studentId: query.studentId,
      schoolId: query.schoolId,
      page: query.page,
      pageSize: query.pageSize,
    },
    signal,
  });
}

export function incidentsQueryOptions(query: IncidentListQuery) {
  return queryOptions({
    queryKey: incidentKeys.list(query),
    queryFn: ({ signal }) => getIncidents(query, signal),
    // Keep the current page on screen while the next filter or page loads.
    placeholderData: keepPreviousData,
  });
}

export function useIncidents(query: IncidentListQuery) {
  return useQuery(incidentsQueryOptions(query));
}
