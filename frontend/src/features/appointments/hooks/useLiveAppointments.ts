import { useQueryClient } from '@tanstack/react-query';
import { useConnectionConfirmed, useHealthNotifications } from '@/services/websocket/useWebSocket';
import { appointmentKeys } from '../api/appointmentKeys';

/** The notification the server sends a day before a visit (see AppointmentReminderService). */
const APPOINTMENT_NOTIFICATION = 'APPOINTMENT_REMINDER';

/**
 * There is no socket event per booking; what the socket does say is used: an appointment
 * reminder, and every (re)connect (bookings made while this tab was offline).
 */
export function useLiveAppointments(): void {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: appointmentKeys.all });
  useHealthNotifications((notification) => {
    if (notification.type === APPOINTMENT_NOTIFICATION) refresh();
  });
  useConnectionConfirmed(refresh);
}
