import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import { todayBounds } from '../todayBounds';
import type { Appointment, Page } from '../types';
import { dashboardKeys } from './dashboardKeys';

/** The server's largest page; a nurse's day has far fewer visits. */
const PAGE_SIZE = 100;

/** Today's appointments (the reader's calendar day), earliest first. */
export function getTodaysAppointments(signal?: AbortSignal, now = new Date()): Promise<Page<Appointment>> {
  const { from, to } = todayBounds(now);
  return apiRequest<Page<Appointment>>('/api/v1/appointments', {
    query: { from, to, pageSize: PAGE_SIZE },
    signal,
  });
}

export function todaysAppointmentsQueryOptions() {
  return queryOptions({
    // The day is worked out when the query runs, so a refetch after midnight asks for the new day.
    queryKey: dashboardKeys.appointments(),
    queryFn: ({ signal }) => getTodaysAppointments(signal),
  });
}

export function useTodaysAppointments() {
  return useQuery(todaysAppointmentsQueryOptions());
}
