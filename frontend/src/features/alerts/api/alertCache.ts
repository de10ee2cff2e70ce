import type { AlertAcknowledged, EmergencyAlert } from '../types';

/**
 * Pure updates of the open-alerts list, shared by the mutations and the socket events.
 * Every one is idempotent: an alert or acknowledgement can arrive by REST and by socket.
 */
export function sortNewestFirst(alerts: readonly EmergencyAlert[]): EmergencyAlert[] {
  return [...alerts].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}

/** A new, escalated or updated alert replaces its old copy; a resolved one leaves the list. */
export function upsertAlert(alerts: readonly EmergencyAlert[], alert: EmergencyAlert): EmergencyAlert[] {
  const others = alerts.filter((existing) => existing.id !== alert.id);
  if (alert.status !== 'OPEN') return others;
  const previous = alerts.find((existing) => existing.id === alert.id);
  // A re-sent alert may carry fewer acknowledgements than we already know of.
  const acknowledgements = mergeAcknowledgements(
    previous?.acknowledgements ?? [],
    alert.acknowledgements ?? [],
  );
  return sortNewestFirst([...others, { ...alert, acknowledgements }]);
}

export function addAcknowledgement(
  alerts: readonly EmergencyAlert[],
  { alertId, acknowledgement }: AlertAcknowledged,
): EmergencyAlert[] {
  return alerts.map((alert) =>
    alert.id === alertId
      ? { ...alert, acknowledgements: mergeAcknowledgements(alert.acknowledgements, [acknowledgement]) }
      : alert,
  );
}

function mergeAcknowledgements(
  known: EmergencyAlert['acknowledgements'],
  incoming: EmergencyAlert['acknowledgements'],
): EmergencyAlert['acknowledgements'] {
  const merged = [...known];
  for (const acknowledgement of incoming) {
    if (!merged.some((existing) => existing.userId === acknowledgement.userId)) merged.push(acknowledgement);
  }
  return merged.sort((a, b) => Date.parse(a.acknowledgedAt) - Date.parse(b.acknowledgedAt));
}

/** The alerts this user still has to acknowledge: newest first, their own excluded. */
export function alertsAwaiting(alerts: readonly EmergencyAlert[], userId: string): EmergencyAlert[] {
  return alerts.filter(
    (alert) =>
      alert.status === 'OPEN' &&
      alert.raisedBy.userId !== userId &&
      !alert.acknowledgements.some((acknowledgement) => acknowledgement.userId === userId),
  );
}
