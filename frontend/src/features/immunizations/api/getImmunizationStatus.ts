import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { ComplianceQuery, ImmunizationStatus } from '../types';

export function getImmunizationStatus(studentId: string, signal?: AbortSignal): Promise<ImmunizationStatus> {
  return apiRequest<ImmunizationStatus>(
    `/api/v1/students/${encodeURIComponent(studentId)}/immunization-status`,
    { signal },
  );
}

export const immunizationKeys = {
  all: ['immunizations'] as const,
  status: (studentId: string) => [...immunizationKeys.all, 'status', studentId] as const,
  records: (studentId: string) => [...immunizationKeys.all, 'records', studentId] as const,
  registryHistory: (studentId: string) => [...immunizationKeys.all, 'registry-history', studentId] as const,
  /** Everything computed across the organization: refreshed together when records change. */
  compliance: () => [...immunizationKeys.all, 'compliance'] as const,
  complianceReport: (query: ComplianceQuery) => [...immunizationKeys.compliance(), 'report', query] as const,
  nonCompliant: (query: ComplianceQuery) => [...immunizationKeys.compliance(), 'students', query] as const,
};

export function immunizationStatusQueryOptions(studentId: string) {
  return queryOptions({
    queryKey: immunizationKeys.status(studentId),
    queryFn: ({ signal }) => getImmunizationStatus(studentId, signal),
  });
}

export function useImmunizationStatus(studentId: string) {
  return useQuery(immunizationStatusQueryOptions(studentId));
}
