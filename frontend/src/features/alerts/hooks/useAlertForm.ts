import { useState } from 'react';
import type { AlertInput, AlertSeverity, AlertType } from '../types';

export interface AlertFormValues {
  type: AlertType | '';
  severity: AlertSeverity | '';
  location: string;
  description: string;
}

export type AlertFormErrors = Partial<Record<keyof AlertFormValues, string>>;

export function validateAlert(values: AlertFormValues): AlertFormErrors {
  const errors: AlertFormErrors = {};
  if (!values.type) errors.type = 'Choose the type of emergency.';
  if (!values.severity) errors.severity = 'Choose the severity.';
  if (!values.location.trim()) errors.location = 'Enter where help is needed.';
  if (!values.description.trim()) errors.description = 'Describe what is happening.';
  return errors;
}

export function toAlertInput(values: AlertFormValues): AlertInput {
  return {
    type: values.type as AlertType,
    severity: values.severity as AlertSeverity,
    location: values.location.trim(),
    description: values.description.trim(),
  };
}

export function useAlertForm() {
  const [values, setValues] = useState<AlertFormValues>({
    type: '',
    severity: '',
    location: '',
    description: '',
  });
  const [submitted, setSubmitted] = useState(false);
  const errors = submitted ? validateAlert(values) : {};
  const setValue = <K extends keyof AlertFormValues>(key: K, value: AlertFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  return { values, setValue, errors, markSubmitted: () => setSubmitted(true) };
}
