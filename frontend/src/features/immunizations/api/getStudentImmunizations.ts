import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { ImmunizationRecord } from '../types';
import { immunizationKeys } from './getImmunizationStatus';

/** GET /api/v1/students/{id}/immunizations: the doses on file, each with its registry status. */
export function getStudentImmunizations(
  studentId: string,
  signal?: AbortSignal,
): Promise<ImmunizationRecord[]> {
  return apiRequest<ImmunizationRecord[]>(`/api/v1/students/${encodeURIComponent(studentId)}/immunizations`, {
    signal,
  });
}

export function studentImmunizationsQueryOptions(studentId: string) {
  return queryOptions({
    queryKey: immunizationKeys.records(studentId),
    queryFn: ({ signal }) => getStudentImmunizations(studentId, signal),
  });
}

export function useStudentImmunizations(studentId: string) {
  return useQuery(studentImmunizationsQueryOptions(studentId));
}
