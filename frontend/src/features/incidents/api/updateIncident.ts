import { useMutation, useQueryClient, type UseMutationOptions } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { ApiError } from '@/services/api/ApiError';
import type { Incident, IncidentUpdate } from '../types';
import { incidentKeys } from './incidentKeys';

interface UpdateIncidentVariables {
  incidentId: string;
  changes: IncidentUpdate;
}

/** PATCH /api/v1/incidents/{id}: the follow-up (actions, witnesses, parents, notes); the facts stay. */
export function updateIncident({ incidentId, changes }: UpdateIncidentVariables): Promise<Incident> {
  return apiRequest<Incident>(`/api/v1/incidents/${encodeURIComponent(incidentId)}`, {
    method: 'PATCH',
    body: changes,
  });
}

type UpdateIncidentOptions = Omit<
  UseMutationOptions<Incident, ApiError, UpdateIncidentVariables>,
  'mutationFn'
>;

export function useUpdateIncident({ onSuccess, ...options }: UpdateIncidentOptions = {}) {
  const queryClient = useQueryClient();
  return useMutation<Incident, ApiError, UpdateIncidentVariables>({
    ...options,
    mutationFn: updateIncident,
    onSuccess: async (incident, ...rest) => {
      queryClient.setQueryData(incidentKeys.detail(incident.id), incident);
      await queryClient.invalidateQueries({ queryKey: incidentKeys.lists() });
      await onSuccess?.(incident, ...rest);
    },
  });
}
