import { useState } from 'react';
import { useDebouncedValue } from '@/lib/useDebouncedValue';
import type { Grade, StudentListQuery } from '../types';

export const SEARCH_DEBOUNCE_MS = 300;
export const STUDENTS_PAGE_SIZE = 25;

/**
 * Search box, grade filter and page for the student list. The page is remembered together
 * with the filters it belongs to, so a new search or grade starts at page 1 without an
 * effect that would first fetch the old page with the new filter.
 */
export function useStudentFilters() {
  const [searchInput, setSearchInput] = useState('');
  const [grade, setGrade] = useState<Grade | ''>('');
  const search = useDebouncedValue(searchInput.trim(), SEARCH_DEBOUNCE_MS);
  const filterKey = `${search}\u0000${grade}`;
  const [paging, setPaging] = useState({ filterKey, page: 1 });
  const page = paging.filterKey === filterKey ? paging.page : 1;

  const query: StudentListQuery = { search, grade, page, pageSize: STUDENTS_PAGE_SIZE };
  const setPage = (next: number) => setPaging({ filterKey, page: next });

  return { searchInput, setSearchInput, grade, setGrade, query, setPage };
}
