import { useState } from 'react';
import type { StudentOption } from '@/components/StudentPicker';
import type { AuditQuery } from '../types';

export const AUDIT_PAGE_SIZE = 50;

/** The server's rule for an action filter (audit/schemas.ts): medicaid-eligibility.check, sis.sync. */
export const ACTION_PATTERN = /^[a-z_.-]+$/;

export interface AuditFilterValues {
  /** YYYY-MM-DD, the reader's own days. */
  from: string;
  to: string;
  userId: string;
  student: StudentOption | null;
  action: string;
}

export const AUDIT_FILTER_FIELDS = ['from', 'to', 'action'] as const;

export type AuditFilterErrors = Partial<Record<(typeof AUDIT_FILTER_FIELDS)[number], string>>;

export const EMPTY_AUDIT_FILTERS: AuditFilterValues = {
  from: '',
  to: '',
  userId: '',
  student: null,
  action: '',
};

export function validateAuditFilters(values: AuditFilterValues): AuditFilterErrors {
  const errors: AuditFilterErrors = {};
  if (values.from && values.to && values.to < values.from)
    errors.to = 'The end date is before the start date.';
  const action = values.action.trim();
  if (action && !ACTION_PATTERN.test(action))
    errors.action = 'Use lowercase letters, dots, hyphens and underscores, as in student.read.';
  return errors;
}

const hasFilters = (values: AuditFilterValues) =>
  Boolean(values.from || values.to || values.userId || values.student || values.action.trim());

/** A day's first and last instant in the reader's time zone, as ISO for the server. */
const startOfDay = (day: string) => new Date(`${day}T00:00:00`).toISOString();
const endOfDay = (day: string) => new Date(`${day}T23:59:59.999`).toISOString();

export function toAuditQuery(values: AuditFilterValues, page: number): AuditQuery {
  const action = values.action.trim();
  return {
    ...(values.from ? { from: startOfDay(values.from) } : {}),
    ...(values.to ? { to: endOfDay(values.to) } : {}),
    ...(values.userId ? { userId: values.userId } : {}),
    ...(values.student ? { studentId: values.student.id } : {}),
    ...(action ? { action } : {}),
    page,
    pageSize: AUDIT_PAGE_SIZE,
  };
}

/**
 * The filter form (edited freely) and the filters in force (applied on submit, so typing an
 * action does not fetch on every key). A new set of filters starts at page 1.
 */
export function useAuditFilters() {
  const [draft, setDraft] = useState<AuditFilterValues>(EMPTY_AUDIT_FILTERS);
  const [applied, setApplied] = useState({ values: EMPTY_AUDIT_FILTERS, page: 1 });
  const [submitted, setSubmitted] = useState(false);
  const errors = submitted ? validateAuditFilters(draft) : {};

  const setValue = <K extends keyof AuditFilterValues>(key: K, value: AuditFilterValues[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));

  /** Applies the form when it is valid; answers its errors (none: applied). */
  const apply = (): AuditFilterErrors => {
    setSubmitted(true);
    const found = validateAuditFilters(draft);
    if (Object.keys(found).length === 0) setApplied({ values: draft, page: 1 });
    return found;
  };

  const clear = () => {
    setSubmitted(false);
    setDraft(EMPTY_AUDIT_FILTERS);
    setApplied({ values: EMPTY_AUDIT_FILTERS, page: 1 });
  };

  return {
    draft,
    setValue,
    errors,
    apply,
    clear,
    query: toAuditQuery(applied.values, applied.page),
    filtered: hasFilters(applied.values),
    setPage: (page: number) => setApplied((current) => ({ ...current, page })),
  };
}
