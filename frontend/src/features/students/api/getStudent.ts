import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { StudentProfile } from '../types';
import { studentKeys } from './studentKeys';

export function getStudent(studentId: string, signal?: AbortSignal): Promise<StudentProfile> {
  return apiRequest<StudentProfile>(`/api/v1/students/${encodeURIComponent(studentId)}`, { signal });
}

export function studentQueryOptions(studentId: string) {
  return queryOptions({
    queryKey: studentKeys.detail(studentId),
    queryFn: ({ signal }) => getStudent(studentId, signal),
  });
}

export function useStudent(studentId: string) {
  return useQuery(studentQueryOptions(studentId));
}
