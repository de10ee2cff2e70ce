import { useState } from 'react';
import type { StudentOption } from '@/components/StudentPicker';
import type { IncidentListQuery, IncidentSeverity, IncidentType } from '../types';

export const INCIDENTS_PAGE_SIZE = 25;

export interface IncidentFilterValues {
  /** 'YYYY-MM-DD' or '' (no limit). */
  from: string;
  to: string;
  type: IncidentType | '';
  severity: IncidentSeverity | '';
  student: StudentOption | null;
  /** The student's school; '' for every school. */
  schoolId: string;
}

const NO_FILTERS: IncidentFilterValues = {
  from: '',
  to: '',
  type: '',
  severity: '',
  student: null,
  schoolId: '',
};

/** A range that ends before it starts would only ever list nothing: say so instead of asking. */
export function rangeError(from: string, to: string): string | undefined {
  return from && to && to < from ? 'The last day must be on or after the first day.' : undefined;
}

/**
 * Filters and page of the incident list. The page is remembered with the filters it belongs
 * to, so a new filter starts at page 1 without first fetching the old page.
 */
export function useIncidentFilters() {
  const [filters, setFilters] = useState<IncidentFilterValues>(NO_FILTERS);
  const error = rangeError(filters.from, filters.to);
  // While the range is wrong the last good one stays in force.
  const [applied, setApplied] = useState<IncidentFilterValues>(NO_FILTERS);
  const filterKey = JSON.stringify({ ...applied, student: applied.student?.id ?? '' });
  const [paging, setPaging] = useState({ filterKey, page: 1 });
  const page = paging.filterKey === filterKey ? paging.page : 1;

  const setFilter = <K extends keyof IncidentFilterValues>(key: K, value: IncidentFilterValues[K]) => {
    const next = { ...filters, [key]: value };
    setFilters(next);
    if (!rangeError(next.from, next.to)) setApplied(next);
  };

  const query: IncidentListQuery = {
    from: applied.from,
    to: applied.to,
    type: applied.type,
    severity: applied.severity,
    studentId: applied.student?.id ?? '',
    schoolId: applied.schoolId,
    page,
    pageSize: INCIDENTS_PAGE_SIZE,
  };

  return {
    filters,
    setFilter,
    error,
    query,
    setPage: (next: number) => setPaging({ filterKey, page: next }),
    clear: () => {
      setFilters(NO_FILTERS);
      setApplied(NO_FILTERS);
    },
  };
}
