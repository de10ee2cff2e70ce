import type { AppointmentFilter } from '../types';

/** Keys of the appointment queries this feature owns. */
export const appointmentKeys = {
  all: ['appointments'] as const,
  range: (filter: AppointmentFilter) => [...appointmentKeys.all, 'range', filter] as const,
  /** The organization's schools, for the school filter. */
};
