import { useState } from 'react';
import { fromDateTimeLocalValue, toDateTimeLocalValue } from '@/lib/formatDate';
import type { IncidentInput, IncidentSeverity, IncidentType, NotificationMethod } from '../types';

export interface IncidentFormValues {
  type: IncidentType | '';
  severity: IncidentSeverity | '';
  location: string;
  /** datetime-local, local time. */
  occurredAt: string;
  description: string;
  actionsTaken: string;
  /** One name per line. */
  witnesses: string;
  parentNotified: boolean;
  notifiedBy: string;
  notifiedAt: string;
  notificationMethod: NotificationMethod | '';
  followUpRequired: boolean;
}

export type IncidentFormErrors = Partial<Record<keyof IncidentFormValues, string>>;

export function validateIncident(values: IncidentFormValues): IncidentFormErrors {
  const errors: IncidentFormErrors = {};
  if (!values.type) errors.type = 'Choose the type of incident.';
  if (!values.severity) errors.severity = 'Choose the severity.';
  if (!values.location.trim()) errors.location = 'Enter where it happened.';
  const occurredAt = fromDateTimeLocalValue(values.occurredAt);
  if (occurredAt === null) errors.occurredAt = 'Enter when it happened.';
  else if (Date.parse(occurredAt) > Date.now() + 60_000)
    errors.occurredAt = 'The time cannot be in the future.';
  if (!values.description.trim()) errors.description = 'Describe what happened.';
  if (values.parentNotified) {
    if (!values.notificationMethod) errors.notificationMethod = 'Choose how the parent was notified.';
    if (fromDateTimeLocalValue(values.notifiedAt) === null)
      errors.notifiedAt = 'Enter when the parent was notified.';
  }
  return errors;
}

export function toIncidentInput(studentId: string, values: IncidentFormValues): IncidentInput {
  const notifiedAt = fromDateTimeLocalValue(values.notifiedAt);
  return {
    studentId,
    type: values.type as IncidentType,
    severity: values.severity as IncidentSeverity,
    location: values.location.trim(),
    occurredAt: fromDateTimeLocalValue(values.occurredAt) ?? new Date().toISOString(),
    description: values.description.trim(),
    actionsTaken: values.actionsTaken.trim() || null,
    witnesses: values.witnesses
      .split('\n')
      .map((name) => name.trim())
      .filter(Boolean),
    parentNotified: values.parentNotified
      ? {
          notified: true,
          ...(values.notifiedBy.trim() ? { by: values.notifiedBy.trim() } : {}),
          ...(notifiedAt ? { at: notifiedAt } : {}),
          ...(values.notificationMethod ? { method: values.notificationMethod } : {}),
        }
      : { notified: false },
    followUpRequired: values.followUpRequired,
  };
}

export function useIncidentForm() {
  const [values, setValues] = useState<IncidentFormValues>(() => {
    const now = toDateTimeLocalValue(new Date());
    return {
      type: '',
      severity: '',
      location: '',
      occurredAt: now,
      description: '',
      actionsTaken: '',
      witnesses: '',
      parentNotified: false,
      notifiedBy: '',
      notifiedAt: now,
      notificationMethod: '',
      followUpRequired: false,
    };
  });
  const [submitted, setSubmitted] = useState(false);
  const errors = submitted ? validateIncident(values) : {};
  const setValue = <K extends keyof IncidentFormValues>(key: K, value: IncidentFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  return { values, setValue, errors, submitted, markSubmitted: () => setSubmitted(true) };
}
