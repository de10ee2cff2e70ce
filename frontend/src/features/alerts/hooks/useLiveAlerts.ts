import { useQueryClient } from '@tanstack/react-query';
import {
  useAlertAcknowledgements,
  useConnectionConfirmed,
  useEmergencyAlerts,
} from '@/services/websocket/useWebSocket';
import { addAcknowledgement, upsertAlert } from '../api/alertCache';
import { alertKeys } from '../api/alertKeys';
import type { EmergencyAlert } from '../types';

/**
 * Applies the socket's alert events to the open-alerts query: a new or escalated alert is
 * upserted, an acknowledgement is appended to its alert. While the list has not loaded yet
 * it is refetched instead, so an event can never stand in for the whole list.
 */
export function useLiveAlerts(): void {
  const queryClient = useQueryClient();
  const key = alertKeys.open();

  const update = (change: (alerts: EmergencyAlert[]) => EmergencyAlert[]) => {
    if (queryClient.getQueryData(key) === undefined) {
      void queryClient.invalidateQueries({ queryKey: key });
      return;
    }
    queryClient.setQueryData<EmergencyAlert[]>(key, (alerts = []) => change(alerts));
  };

  useEmergencyAlerts((alert) => update((alerts) => upsertAlert(alerts, alert)));
  useAlertAcknowledgements((payload) => update((alerts) => addAcknowledgement(alerts, payload)));
  // Acknowledgements made while this tab was offline are only in the database.
  useConnectionConfirmed(() => void queryClient.invalidateQueries({ queryKey: key }));
}
