import { useMutation, useQueryClient, type UseMutationOptions } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { ApiError } from '@/services/api/ApiError';
import type { Appointment, AppointmentInput } from '../types';
import { appointmentKeys } from './appointmentKeys';

/** POST /api/v1/appointments: 201; a nurse double-booked or an unknown student is refused with a message. */
export function createAppointment(input: AppointmentInput): Promise<Appointment> {
  return apiRequest<Appointment>('/api/v1/appointments', { method: 'POST', body: input });
}

type CreateAppointmentOptions = Omit<
  UseMutationOptions<Appointment, ApiError, AppointmentInput>,
  'mutationFn'
>;

export function useCreateAppointment({ onSuccess, ...options }: CreateAppointmentOptions = {}) {
  const queryClient = useQueryClient();
  return useMutation<Appointment, ApiError, AppointmentInput>({
    ...options,
    mutationFn: createAppointment,
    onSuccess: async (...args) => {
      await queryClient.invalidateQueries({ queryKey: appointmentKeys.all });
      await onSuccess?.(...args);
    },
  });
}
