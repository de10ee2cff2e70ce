import { useOpenAlerts } from '../api/getOpenAlerts';
import { alertsAwaiting } from '../api/alertCache';
import { useLiveAlerts } from './useLiveAlerts';

/**
 * The open alerts this user has not acknowledged yet, newest first, kept live from the socket.
 * The layout mounts it once, on every screen: it drives the modal.
 */
export function useAwaitingAlerts(userId: string) {
  useLiveAlerts();
  const openAlerts = useOpenAlerts();
  return alertsAwaiting(openAlerts.data ?? [], userId);
}
