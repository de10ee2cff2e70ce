import { useMutation, useQueryClient, type UseMutationOptions } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { ApiError } from '@/services/api/ApiError';
import type { Incident, IncidentInput } from '../types';
import { incidentKeys } from './incidentKeys';

export function createIncident(input: IncidentInput): Promise<Incident> {
  return apiRequest<Incident>('/api/v1/incidents', { method: 'POST', body: input });
}

type CreateIncidentOptions = Omit<UseMutationOptions<Incident, ApiError, IncidentInput>, 'mutationFn'>;

/**
 * Files an incident report. This feature's own lists are invalidated here; the caller's
 * onSuccess refreshes the student profile (which lives in another feature).
 */
export function useCreateIncident({ onSuccess, ...options }: CreateIncidentOptions = {}) {
  const queryClient = useQueryClient();
  return useMutation<Incident, ApiError, IncidentInput>({
    ...options,
    mutationFn: createIncident,
    onSuccess: async (...args) => {
      await queryClient.invalidateQueries({ queryKey: incidentKeys.all });
      await onSuccess?.(...args);
    },
  });
}
