import { useQueryClient } from '@tanstack/react-query';
import { useConnectionConfirmed } from '@/services/websocket/useWebSocket';
import { incidentKeys } from '../api/incidentKeys';

/**
 * No socket event announces a new incident, so the list is refreshed whenever the live
 * connection is (re)confirmed: whatever was recorded while this tab was away shows up then.
 */
export function useLiveIncidents(): void {
  const queryClient = useQueryClient();
  useConnectionConfirmed(() => void queryClient.invalidateQueries({ queryKey: incidentKeys.all }));
}
