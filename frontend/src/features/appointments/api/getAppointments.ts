import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { Appointment, AppointmentFilter, AppointmentPage } from '../types';
import { appointmentKeys } from './appointmentKeys';

/** The largest page the server gives. */
const PAGE_SIZE = 100;
/** A week of one district rarely holds more; past this the screen says the list is cut short. */
const MAX_PAGES = 5;

export interface AppointmentsInRange {
  appointments: Appointment[];
  /** How many the server has in the range; more than `appointments.length` when cut short. */
  total: number;
}

/**
 * GET /api/v1/appointments?from=&to=(&schoolId=), every page: a day or a week is shown whole,
 * oldest first.
 */
export async function getAppointments(
  filter: AppointmentFilter,
  signal?: AbortSignal,
): Promise<AppointmentsInRange> {
  const appointments: Appointment[] = [];
  let total = 0;
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const result = await apiRequest<AppointmentPage>('/api/v1/appointments', {
      query: { from: filter.from, to: filter.to, schoolId: filter.schoolId, page, pageSize: PAGE_SIZE },
      signal,
    });
    appointments.push(...result.data);
    total = result.total;
    if (result.data.length < PAGE_SIZE || appointments.length >= total) break;
  }
  return { appointments, total };
}

export function appointmentsQueryOptions(filter: AppointmentFilter) {
  return queryOptions({
    queryKey: appointmentKeys.range(filter),
    queryFn: ({ signal }) => getAppointments(filter, signal),
    // The previous day or week stays on screen (dimmed) while the next one loads.
    placeholderData: keepPreviousData,
  });
}

export function useAppointments(filter: AppointmentFilter) {
  return useQuery(appointmentsQueryOptions(filter));
}
