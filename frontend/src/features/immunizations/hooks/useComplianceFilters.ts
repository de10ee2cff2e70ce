import { useState } from 'react';
import type { ComplianceQuery, Grade } from '../types';

/** Today in the reader's own calendar, as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export interface ComplianceFilterValues {
  schoolId: string;
  grade: Grade | '';
  /** YYYY-MM-DD; empty means today (the server's default). */
  asOf: string;
}

/** School, grade and date for the compliance table and the list (selects apply at once). */
export function useComplianceFilters() {
  const [values, setValues] = useState<ComplianceFilterValues>(() => ({
    schoolId: '',
    grade: '',
    asOf: localToday(),
  }));
  const setValue = <K extends keyof ComplianceFilterValues>(key: K, value: ComplianceFilterValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const query: ComplianceQuery = {
    ...(values.schoolId ? { schoolId: values.schoolId } : {}),
    ...(values.grade ? { grade: values.grade } : {}),
    // A half-typed date is not sent; the last whole one stays in force.
    ...(/^\d{4}-\d{2}-\d{2}$/.test(values.asOf) ? { asOf: values.asOf } : {}),
  };
  return { values, setValue, query };
}
