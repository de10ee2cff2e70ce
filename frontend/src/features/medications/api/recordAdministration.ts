import { useMutation, useQueryClient, type UseMutationOptions } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { ApiError } from '@/services/api/ApiError';
import type { Administration, AdministrationInput } from '../types';
import { medicationKeys } from './medicationKeys';

export interface RecordAdministrationVariables {
  studentId: string;
  prescriptionId: string;
  input: AdministrationInput;
}

export function recordAdministration({
  studentId,
  prescriptionId,
  input,
}: RecordAdministrationVariables): Promise<Administration> {
  const path = `/api/v1/students/${encodeURIComponent(studentId)}/medications/${encodeURIComponent(prescriptionId)}/administrations`;
  return apiRequest<Administration>(path, { method: 'POST', body: input });
}

type RecordAdministrationOptions = Omit<
  UseMutationOptions<Administration, ApiError, RecordAdministrationVariables>,
  'mutationFn'
>;

/**
 * Records one dose. This feature's own queries are invalidated here; the caller's onSuccess
 * refreshes whatever shows the prescription (the student profile lives in another feature).
 */
export function useRecordAdministration({ onSuccess, ...options }: RecordAdministrationOptions = {}) {
  const queryClient = useQueryClient();
  return useMutation<Administration, ApiError, RecordAdministrationVariables>({
    ...options,
    mutationFn: recordAdministration,
    onSuccess: async (...args) => {
      await queryClient.invalidateQueries({ queryKey: medicationKeys.student(args[1].studentId) });
      await onSuccess?.(...args);
    },
  });
}
