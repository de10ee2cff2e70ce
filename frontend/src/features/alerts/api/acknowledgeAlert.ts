import { useMutation, useQueryClient, type UseMutationOptions } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { ApiError } from '@/services/api/ApiError';
import type { EmergencyAlert } from '../types';
import { upsertAlert } from './alertCache';
import { alertKeys } from './alertKeys';

export function acknowledgeAlert(alertId: string): Promise<EmergencyAlert> {
  return apiRequest<EmergencyAlert>(`/api/v1/alerts/${encodeURIComponent(alertId)}/acknowledge`, {
    method: 'POST',
  });
}

type AcknowledgeAlertOptions = Omit<UseMutationOptions<EmergencyAlert, ApiError, string>, 'mutationFn'>;

/** Records that the current user has seen the alert; the answer (the updated alert) replaces it. */
export function useAcknowledgeAlert({ onSuccess, ...options }: AcknowledgeAlertOptions = {}) {
  const queryClient = useQueryClient();
  return useMutation<EmergencyAlert, ApiError, string>({
    ...options,
    mutationFn: acknowledgeAlert,
    onSuccess: async (...args) => {
      const [alert] = args;
      if (alert?.id && queryClient.getQueryData(alertKeys.open()) !== undefined) {
        queryClient.setQueryData<EmergencyAlert[]>(alertKeys.open(), (alerts = []) =>
          upsertAlert(alerts, alert),
        );
      } else {
        await queryClient.invalidateQueries({ queryKey: alertKeys.open() });
      }
      await onSuccess?.(...args);
    },
  });
}
