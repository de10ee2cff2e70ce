import { useState } from 'react';
import type { StudentOption } from '@/components/StudentPicker';
import { fromDateTimeLocalValue } from '@/lib/formatDate';
import {
  MAX_DURATION_MINUTES,
  MIN_DURATION_MINUTES,
  type AppointmentInput,
  type AppointmentType,
} from '../types';

export const DEFAULT_DURATION_MINUTES = 15;

export interface AppointmentFormValues {
  student: StudentOption | null;
  type: AppointmentType | '';
  /** datetime-local, local time. */
  startsAt: string;
  /** Minutes, as typed. */
  durationMinutes: string;
  reason: string;
  notes: string;
}

export type AppointmentFormErrors = Partial<Record<keyof AppointmentFormValues, string>>;

/** A whole number of minutes the server accepts, or null. */
export function parseDuration(value: string): number | null {
  const minutes = Number(value);
  return Number.isInteger(minutes) && minutes >= MIN_DURATION_MINUTES && minutes <= MAX_DURATION_MINUTES
    ? minutes
    : null;
}

export const durationError = `Enter a length from ${MIN_DURATION_MINUTES} to ${MAX_DURATION_MINUTES} minutes.`;

export function validateAppointment(values: AppointmentFormValues): AppointmentFormErrors {
  const errors: AppointmentFormErrors = {};
  if (!values.student) errors.student = 'Choose a student.';
  if (!values.type) errors.type = 'Choose the kind of visit.';
  if (fromDateTimeLocalValue(values.startsAt) === null) errors.startsAt = 'Enter when the visit starts.';
  if (parseDuration(values.durationMinutes) === null) errors.durationMinutes = durationError;
  return errors;
}

/** Validate first. Empty reason and notes are sent as null (the server refuses empty text). */
export function toAppointmentInput(values: AppointmentFormValues): AppointmentInput {
  return {
    studentId: values.student?.id ?? '',
    type: values.type as AppointmentType,
    startsAt: fromDateTimeLocalValue(values.startsAt) ?? new Date().toISOString(),
    durationMinutes: parseDuration(values.durationMinutes) ?? DEFAULT_DURATION_MINUTES,
    reason: values.reason.trim() || null,
    notes: values.notes.trim() || null,
  };
}

/** `startsAt` is the first suggestion (datetime-local); the nurse changes what she needs. */
export function useAppointmentForm(startsAt: string) {
  const [values, setValues] = useState<AppointmentFormValues>({
    student: null,
    type: '',
    startsAt,
    durationMinutes: String(DEFAULT_DURATION_MINUTES),
    reason: '',
    notes: '',
  });
  const [submitted, setSubmitted] = useState(false);
  const errors = submitted ? validateAppointment(values) : {};
  const setValue = <K extends keyof AppointmentFormValues>(key: K, value: AppointmentFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  return { values, setValue, errors, markSubmitted: () => setSubmitted(true) };
}
