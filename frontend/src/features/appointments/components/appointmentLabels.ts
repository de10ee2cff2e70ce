import { formatTime } from '@/lib/formatDate';
import type { Appointment, AppointmentStatus } from '../types';

export const statusLabels: Record<AppointmentStatus, string> = {
  SCHEDULED: 'Scheduled',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
  NO_SHOW: 'No-show',
};

/** The instant a visit ends. */
export function endsAt(appointment: Pick<Appointment, 'startsAt' | 'durationMinutes'>): string {
  return new Date(Date.parse(appointment.startsAt) + appointment.durationMinutes * 60_000).toISOString();
}

/** "9:00 AM – 9:15 AM". */
export function timeRange(appointment: Pick<Appointment, 'startsAt' | 'durationMinutes'>): string {
  return `${formatTime(appointment.startsAt)} – ${formatTime(endsAt(appointment))}`;
}
