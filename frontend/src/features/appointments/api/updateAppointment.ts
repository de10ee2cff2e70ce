import { useMutation, useQueryClient, type UseMutationOptions } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { ApiError } from '@/services/api/ApiError';
import type { Appointment, AppointmentUpdate } from '../types';
import { appointmentKeys } from './appointmentKeys';

export interface UpdateAppointmentVariables {
  appointmentId: string;
  changes: AppointmentUpdate;
}

/**
 * PATCH /api/v1/appointments/{id}: complete, cancel or mark a no-show (only a scheduled visit
 * changes status), or move a scheduled visit (startsAt and/or durationMinutes).
 */
export function updateAppointment({
  appointmentId,
  changes,
}: UpdateAppointmentVariables): Promise<Appointment> {
  return apiRequest<Appointment>(`/api/v1/appointments/${encodeURIComponent(appointmentId)}`, {
    method: 'PATCH',
    body: changes,
  });
}

type UpdateAppointmentOptions = Omit<
  UseMutationOptions<Appointment, ApiError, UpdateAppointmentVariables>,
  'mutationFn'
>;

export function useUpdateAppointment({ onSuccess, ...options }: UpdateAppointmentOptions = {}) {
  const queryClient = useQueryClient();
  return useMutation<Appointment, ApiError, UpdateAppointmentVariables>({
    ...options,
    mutationFn: updateAppointment,
    onSuccess: async (...args) => {
      await queryClient.invalidateQueries({ queryKey: appointmentKeys.all });
      await onSuccess?.(...args);
    },
  });
}
