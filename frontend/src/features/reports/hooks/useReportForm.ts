import { useState } from 'react';
import { toCalendarDate, validateDateRange, type DateRangeErrors } from '../dateRange';
import type { ReportSelection } from '../types';

export type ReportFormErrors = DateRangeErrors & { student?: string };

/** Default range: the last 30 days, today included. */
const DEFAULT_RANGE_DAYS = 30;

export function validateSelection(selection: ReportSelection): ReportFormErrors {
  switch (selection.reportType) {
    case 'medication-log':
      return validateDateRange(selection.from, selection.to);
    case 'student-health-summary':
      return selection.student ? {} : { student: 'Choose a student.' };
    case 'immunization-compliance':
      return {};
  }
}

function initialSelection(): ReportSelection {
  const to = new Date();
  const from = new Date(to);
  from.setDate(from.getDate() - (DEFAULT_RANGE_DAYS - 1));
  return { reportType: 'medication-log', from: toCalendarDate(from), to: toCalendarDate(to), student: null };
}

/**
 * The chosen report and its filters. A wrong date range shows at once, before anything is
 * sent; "choose a student" waits until the user tries to send without one.
 */
export function useReportForm() {
  const [selection, setSelection] = useState(initialSelection);
  const [attempted, setAttempted] = useState(false);
  const { student, ...rangeErrors } = validateSelection(selection);
  const errors: ReportFormErrors = attempted && student ? { ...rangeErrors, student } : rangeErrors;

  const setValue = <K extends keyof ReportSelection>(key: K, value: ReportSelection[K]) =>
    setSelection((current) => ({ ...current, [key]: value }));

  /** The selection when it can be sent; otherwise null, and every error is now shown. */
  const check = (): ReportSelection | null => {
    setAttempted(true);
    return Object.keys(validateSelection(selection)).length === 0 ? selection : null;
  };

  return { selection, setValue, errors, check };
}
