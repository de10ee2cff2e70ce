import type { QueryKey } from '@tanstack/react-query';
import { useBatchedInvalidation } from '@/lib/useBatchedInvalidation';
import {
  useAlertAcknowledgements,
  useConnectionConfirmed,
  useEmergencyAlerts,
  useHealthNotifications,
} from '@/services/websocket/useWebSocket';
import { dashboardKeys } from '../api/dashboardKeys';

/** Which panel a notification is news for, by its type prefix. */
const NOTIFICATION_PANELS: Array<[prefix: string, key: QueryKey]> = [
  ['EMERGENCY_', dashboardKeys.alerts()],
  ['INVENTORY_', dashboardKeys.inventory()],
  ['IMMUNIZATION_', dashboardKeys.compliance()],
  ['APPOINTMENT_', dashboardKeys.appointments()],
];

/**
 * Keeps the dashboard's panels current without a reload: alerts and acknowledgements
 * refetch the alerts panel, a notification refetches the panel it is about, and every
 * (re)connect refetches everything that may have changed while away. (Due doses have their
 * own hook in the medications feature.)
 */
export function useLiveDashboard(): void {
  const invalidate = useBatchedInvalidation();
  useEmergencyAlerts(() => invalidate(dashboardKeys.alerts()));
  useAlertAcknowledgements(() => invalidate(dashboardKeys.alerts()));
  useHealthNotifications((notification) => {
    for (const [prefix, key] of NOTIFICATION_PANELS) {
      if (notification.type.startsWith(prefix)) invalidate(key);
    }
  });
  useConnectionConfirmed(() => invalidate(dashboardKeys.all));
}
