import { useState } from 'react';
import { fromDateTimeLocalValue, toDateTimeLocalValue } from '@/lib/formatDate';
import type { Incident, IncidentUpdate, NotificationMethod, ParentNotification } from '../types';

export interface FollowUpValues {
  actionsTaken: string;
  /** One name per line. */
  witnesses: string;
  parentNotified: boolean;
  notifiedBy: string;
  /** datetime-local, local time. */
  notifiedAt: string;
  notificationMethod: NotificationMethod | '';
  followUpRequired: boolean;
  followUpNotes: string;
}

export type FollowUpErrors = Partial<Record<keyof FollowUpValues, string>>;

export function initialFollowUp(incident: Incident): FollowUpValues {
  const parent = incident.parentNotified;
  return {
    actionsTaken: incident.actionsTaken ?? '',
    witnesses: incident.witnesses.join('\n'),
    parentNotified: parent.notified,
    notifiedBy: parent.by ?? '',
    notifiedAt: toDateTimeLocalValue(parent.at ? new Date(parent.at) : new Date()),
    notificationMethod: parent.method ?? '',
    followUpRequired: incident.followUpRequired,
    followUpNotes: incident.followUpNotes ?? '',
  };
}

export function validateFollowUp(values: FollowUpValues): FollowUpErrors {
  const errors: FollowUpErrors = {};
  if (!values.parentNotified) return errors;
  if (!values.notificationMethod) errors.notificationMethod = 'Choose how the parent was notified.';
  const at = fromDateTimeLocalValue(values.notifiedAt);
  if (at === null) errors.notifiedAt = 'Enter when the parent was notified.';
  else if (Date.parse(at) > Date.now() + 60_000) errors.notifiedAt = 'The time cannot be in the future.';
  return errors;
}

function witnessList(text: string): string[] {
  return text
    .split('\n')
    .map((name) => name.trim())
    .filter(Boolean);
}

function notification(values: FollowUpValues): ParentNotification {
  if (!values.parentNotified) return { notified: false };
  const at = fromDateTimeLocalValue(values.notifiedAt);
  return {
    notified: true,
    ...(values.notifiedBy.trim() ? { by: values.notifiedBy.trim() } : {}),
    ...(at ? { at } : {}),
    ...(values.notificationMethod ? { method: values.notificationMethod } : {}),
  };
}

/**
 * Only what the nurse changed: the audit trail names the fields a PATCH touched, and an
 * untouched field is not a change. Empty text clears a field (null).
 */
export function followUpChanges(incident: Incident, values: FollowUpValues): IncidentUpdate {
  const before = initialFollowUp(incident);
  const changes: IncidentUpdate = {};
  if (values.actionsTaken.trim() !== before.actionsTaken.trim())
    changes.actionsTaken = values.actionsTaken.trim() || null;
  const witnesses = witnessList(values.witnesses);
  if (witnesses.join('\n') !== incident.witnesses.join('\n')) changes.witnesses = witnesses;
  const parentChanged = values.parentNotified
    ? !before.parentNotified ||
      values.notifiedBy.trim() !== before.notifiedBy.trim() ||
      values.notifiedAt !== before.notifiedAt ||
      values.notificationMethod !== before.notificationMethod
    : before.parentNotified;
  if (parentChanged) changes.parentNotified = notification(values);
  if (values.followUpRequired !== before.followUpRequired) changes.followUpRequired = values.followUpRequired;
  if (values.followUpNotes.trim() !== before.followUpNotes.trim())
    changes.followUpNotes = values.followUpNotes.trim() || null;
  return changes;
}

export function useFollowUpForm(incident: Incident) {
  const [values, setValues] = useState(() => initialFollowUp(incident));
  const [submitted, setSubmitted] = useState(false);
  const errors = submitted ? validateFollowUp(values) : {};
  const setValue = <K extends keyof FollowUpValues>(key: K, value: FollowUpValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  return { values, setValue, errors, markSubmitted: () => setSubmitted(true) };
}
