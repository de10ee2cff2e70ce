import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { StudentPrescription } from '../types';
import { medicationKeys } from './medicationKeys';

/** A student's prescriptions: what the five-rights review compares a dose against. */
export function getStudentPrescriptions(
  studentId: string,
  signal?: AbortSignal,
): Promise<StudentPrescription[]> {
  return apiRequest<StudentPrescription[]>(`/api/v1/students/${encodeURIComponent(studentId)}/medications`, {
    signal,
  });
}

export function studentPrescriptionsQueryOptions(studentId: string) {
  return queryOptions({
    queryKey: medicationKeys.prescriptions(studentId),
    queryFn: ({ signal }) => getStudentPrescriptions(studentId, signal),
  });
}

export function useStudentPrescriptions(studentId: string) {
  return useQuery(studentPrescriptionsQueryOptions(studentId));
}
