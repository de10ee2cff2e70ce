import { useQueryClient } from '@tanstack/react-query';
import { useHealthNotifications, useSocketEvent } from '@/services/websocket/useWebSocket';
import { immunizationKeys } from '../api/getImmunizationStatus';

/** Jobs whose end can move the counts: a roster sync, the nightly alert run, a registry export. */
const COMPLIANCE_JOBS = new Set(['sis-sync', 'immunization-alert', 'data-export']);

/**
 * Keeps the compliance table and list current without a reload: when a job that changes
 * students or their records finishes, or an immunization notice arrives, they are refetched.
 */
export function useLiveCompliance(): void {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: immunizationKeys.compliance() });

  useSocketEvent('job:completed', (event) => {
    if (COMPLIANCE_JOBS.has(event.type)) refresh();
  });
  useHealthNotifications((notification) => {
    if (notification.type.startsWith('IMMUNIZATION_')) refresh();
  });
}
