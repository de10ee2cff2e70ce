import { useState } from 'react';
import { fromDateTimeLocalValue, toDateTimeLocalValue } from '@/lib/formatDate';
import type { AdministrationInput, AdministrationStatus, DosePrescription } from '../types';

export interface DoseFormValues {
  status: AdministrationStatus;
  dose: string;
  route: string;
  /** `<input type="datetime-local">` value, local time. */
  administeredAt: string;
  reason: string;
  witnessUserId: string;
  notes: string;
  fiveRightsConfirmed: boolean;
}

export type DoseFormErrors = Partial<Record<keyof DoseFormValues, string>>;

export function validateDose(values: DoseFormValues): DoseFormErrors {
  const errors: DoseFormErrors = {};
  const given = values.status === 'GIVEN';
  if (given && !values.dose.trim()) errors.dose = 'Enter the dose given.';
  if (given && !values.route) errors.route = 'Choose the route.';
  if (fromDateTimeLocalValue(values.administeredAt) === null) errors.administeredAt = 'Enter the time.';
  if (!given && !values.reason.trim()) {
    errors.reason = 'Give a reason when the dose was not given.';
  }
  if (!values.fiveRightsConfirmed) errors.fiveRightsConfirmed = 'Confirm the five rights before saving.';
  return errors;
}

/**
 * The request body: trimmed, without empty optional fields; filed under `scheduledFor` (the
 * scheduled dose the form was opened for) when there is one.
 */
export function toAdministrationInput(values: DoseFormValues, scheduledFor?: string): AdministrationInput {
  const input: AdministrationInput = {
    status: values.status,
    administeredAt: fromDateTimeLocalValue(values.administeredAt) ?? new Date().toISOString(),
  };
  if (scheduledFor) input.scheduledFor = scheduledFor;
  if (values.dose.trim()) input.dose = values.dose.trim();
  if (values.route) input.route = values.route;
  if (values.reason.trim()) input.reason = values.reason.trim();
  if (values.witnessUserId.trim()) input.witnessUserId = values.witnessUserId.trim();
  if (values.notes.trim()) input.notes = values.notes.trim();
  return input;
}

/** Field values prefilled from the prescription, at the current time; errors shown after a submit. */
export function useDoseForm(prescription: DosePrescription) {
  const [values, setValues] = useState<DoseFormValues>(() => ({
    status: 'GIVEN',
    dose: prescription.dose,
    route: prescription.route,
    administeredAt: toDateTimeLocalValue(new Date()),
    reason: '',
    witnessUserId: '',
    notes: '',
    fiveRightsConfirmed: false,
  }));
  const [submitted, setSubmitted] = useState(false);
  const errors = submitted ? validateDose(values) : {};

  const setValue = <K extends keyof DoseFormValues>(key: K, value: DoseFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  return { values, setValue, errors, markSubmitted: () => setSubmitted(true) };
}
