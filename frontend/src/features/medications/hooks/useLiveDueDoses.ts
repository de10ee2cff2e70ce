import { useBatchedInvalidation } from '@/lib/useBatchedInvalidation';
import {
  useConnectionConfirmed,
  useHealthNotifications,
  useMedicationReminders,
} from '@/services/websocket/useWebSocket';
import { medicationKeys } from '../api/medicationKeys';

/**
 * Refetches the dose lists (due now, the day's record) when the server says a dose is due (the reminder broadcast, or
 * the nurse's own reminder notification) and after every (re)connect, which may have
 * missed some. The queries also refresh every minute on their own.
 */
export function useLiveDueDoses(): void {
  const invalidate = useBatchedInvalidation();
  const refresh = () => invalidate(medicationKeys.doses());
  useMedicationReminders(refresh);
  useHealthNotifications((notification) => {
    if (notification.type === 'MEDICATION_REMINDER') refresh();
  });
  useConnectionConfirmed(refresh);
}
