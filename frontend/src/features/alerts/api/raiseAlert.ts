import { useMutation, useQueryClient, type UseMutationOptions } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { ApiError } from '@/services/api/ApiError';
import type { AlertInput, EmergencyAlert } from '../types';
import { upsertAlert } from './alertCache';
import { alertKeys } from './alertKeys';

export function raiseAlert(input: AlertInput): Promise<EmergencyAlert> {
  return apiRequest<EmergencyAlert>('/api/v1/alerts', { method: 'POST', body: input });
}

type RaiseAlertOptions = Omit<UseMutationOptions<EmergencyAlert, ApiError, AlertInput>, 'mutationFn'>;

/** Raises an alert; the server broadcasts it to the organization, and our own list shows it at once. */
export function useRaiseAlert({ onSuccess, ...options }: RaiseAlertOptions = {}) {
  const queryClient = useQueryClient();
  return useMutation<EmergencyAlert, ApiError, AlertInput>({
    ...options,
    mutationFn: raiseAlert,
    onSuccess: async (...args) => {
      const [alert] = args;
      if (queryClient.getQueryData(alertKeys.open()) === undefined) {
        await queryClient.invalidateQueries({ queryKey: alertKeys.open() });
      } else {
        queryClient.setQueryData<EmergencyAlert[]>(alertKeys.open(), (alerts = []) =>
          upsertAlert(alerts, alert),
        );
      }
      await onSuccess?.(...args);
    },
  });
}
