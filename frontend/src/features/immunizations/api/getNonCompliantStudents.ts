import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { ComplianceQuery, NonCompliantStudents } from '../types';
import { COMPLIANCE_STALE_MS } from './getCompliance';
import { immunizationKeys } from './getImmunizationStatus';

/**
 * GET /api/v1/immunizations/compliance/non-compliant: the DUE and OVERDUE students behind the
 * compliance counts, each with the series still incomplete (by school, grade and name). The
 * same list the compliance PDF prints; a server without the route answers 404.
 */
export function getNonCompliantStudents(
  query: ComplianceQuery,
  signal?: AbortSignal,
): Promise<NonCompliantStudents> {
  return apiRequest<NonCompliantStudents>('/api/v1/immunizations/compliance/non-compliant', {
    query: { schoolId: query.schoolId, grade: query.grade, asOf: query.asOf },
    signal,
  });
}

export function nonCompliantStudentsQueryOptions(query: ComplianceQuery) {
  return queryOptions({
    queryKey: immunizationKeys.nonCompliant(query),
    queryFn: ({ signal }) => getNonCompliantStudents(query, signal),
    staleTime: COMPLIANCE_STALE_MS,
    placeholderData: keepPreviousData,
  });
}

export function useNonCompliantStudents(query: ComplianceQuery) {
  return useQuery(nonCompliantStudentsQueryOptions(query));
}
