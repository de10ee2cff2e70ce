import type {
  AlertAcknowledgedPayload,
  EmergencyAlertPayload,
  HealthNotificationPayload,
  MedicationReminderPayload,
  ServerToClientEvents,
  StudentHealthAlertPayload,
} from '@white-cross/backend/events';
import { useEffect, useLayoutEffect, useRef, useSyncExternalStore } from 'react';
import { socketClient } from './socketClient';
import type { ConnectionState, ServerEvent } from './WebSocketService';

export interface WebSocketStatus {
  isConnected: boolean;
  connectionState: ConnectionState;
}

/** The live connection's state, re-rendering on every change. */
export function useWebSocket(): WebSocketStatus {
  const connectionState = useSyncExternalStore(
    socketClient.subscribe,
    socketClient.getState,
    socketClient.getState,
  );
  return { isConnected: connectionState === 'CONNECTED', connectionState };
}

/**
 * Calls `callback` for every `event` while the component is mounted. The subscription is made
 * once; the latest callback is read from a ref, so an inline function does not resubscribe.
 */
export function useSocketEvent<E extends ServerEvent>(
  event: E,
  callback: (...args: Parameters<ServerToClientEvents[E]>) => void,
): void {
  const latest = useRef(callback);
  useLayoutEffect(() => {
    latest.current = callback;
  });
  useEffect(() => {
    const handler = (...args: Parameters<ServerToClientEvents[E]>) => latest.current(...args);
    return socketClient.on(event, handler as ServerToClientEvents[E]);
  }, [event]);
}

/** New and escalated emergency alerts, and the open ones replayed on every (re)connect. */
export function useEmergencyAlerts(callback: (alert: EmergencyAlertPayload) => void): void {
  useSocketEvent('emergency:alert', callback);
}

export function useAlertAcknowledgements(callback: (payload: AlertAcknowledgedPayload) => void): void {
  useSocketEvent('emergency:alert:acknowledged', callback);
}

export function useHealthNotifications(callback: (notification: HealthNotificationPayload) => void): void {
  useSocketEvent('health:notification', callback);
}

export function useStudentHealthAlerts(callback: (alert: StudentHealthAlertPayload) => void): void {
  useSocketEvent('student:health:alert', callback);
}

export function useMedicationReminders(callback: (reminder: MedicationReminderPayload) => void): void {
  useSocketEvent('medication:reminder', callback);
}

/** Each successful (re)connect: a good moment to refetch what may have been missed while away. */
export function useConnectionConfirmed(callback: () => void): void {
  useSocketEvent('connection:confirmed', callback);
}
