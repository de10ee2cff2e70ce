import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { ComplianceQuery, ComplianceReport } from '../types';
import { immunizationKeys } from './getImmunizationStatus';

/** Compliance is recomputed for every student on each request (and audited): not on every focus. */
export const COMPLIANCE_STALE_MS = 60_000;

/** GET /api/v1/immunizations/compliance: counts and rates per status, per school and grade. */
export function getCompliance(query: ComplianceQuery, signal?: AbortSignal): Promise<ComplianceReport> {
  return apiRequest<ComplianceReport>('/api/v1/immunizations/compliance', {
    query: { schoolId: query.schoolId, grade: query.grade, asOf: query.asOf },
    signal,
  });
}

export function complianceQueryOptions(query: ComplianceQuery) {
  return queryOptions({
    queryKey: immunizationKeys.complianceReport(query),
    queryFn: ({ signal }) => getCompliance(query, signal),
    staleTime: COMPLIANCE_STALE_MS,
    placeholderData: keepPreviousData,
  });
}

export function useCompliance(query: ComplianceQuery) {
  return useQuery(complianceQueryOptions(query));
}
