import { useQueryClient } from '@tanstack/react-query';
import { useConnectionConfirmed, useHealthNotifications } from '@/services/websocket/useWebSocket';
import { inventoryKeys } from '../api/inventoryKeys';

/** What the inventory sweep notifies about (inventoryMaintenanceProcessor). */
const STOCK_NOTIFICATIONS = new Set(['INVENTORY_LOW_STOCK', 'INVENTORY_EXPIRING']);

/** Stock notices and every (re)connect refresh what the inventory screens show. */
export function useLiveInventory(): void {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: inventoryKeys.all });
  useHealthNotifications((notification) => {
    if (STOCK_NOTIFICATIONS.has(notification.type)) refresh();
  });
  useConnectionConfirmed(refresh);
}
