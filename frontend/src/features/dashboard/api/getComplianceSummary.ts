import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { ComplianceSummary } from '../types';
import { dashboardKeys } from './dashboardKeys';

/** Immunization compliance across the organization today. */
export function getComplianceSummary(signal?: AbortSignal): Promise<ComplianceSummary> {
  return apiRequest<ComplianceSummary>('/api/v1/immunizations/compliance', { signal });
}

export function complianceSummaryQueryOptions() {
  return queryOptions({
    queryKey: dashboardKeys.compliance(),
    queryFn: ({ signal }) => getComplianceSummary(signal),
    // Every student is evaluated for this answer, and it moves slowly.
    staleTime: 5 * 60_000,
  });
}

export function useComplianceSummary() {
  return useQuery(complianceSummaryQueryOptions());
}
