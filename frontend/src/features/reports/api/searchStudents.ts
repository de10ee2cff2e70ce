import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { StudentOption, StudentOptionPage } from '../types';
import { reportKeys } from './reportKeys';

/** Fewer letters match half the district; the picker asks for at least this many. */
export const MIN_STUDENT_SEARCH_LENGTH = 2;
const PICKER_PAGE_SIZE = 10;

/** GET /api/v1/students?search=: this feature's own call, so it needs nothing from features/students. */
export async function searchStudents(search: string, signal?: AbortSignal): Promise<StudentOption[]> {
  const page = await apiRequest<StudentOptionPage>('/api/v1/students', {
    query: { search, pageSize: PICKER_PAGE_SIZE },
    signal,
  });
  return page.data.map(({ id, firstName, lastName, grade, studentNumber }) => ({
    id,
    firstName,
    lastName,
    grade,
    studentNumber,
  }));
}

export function studentSearchQueryOptions(search: string) {
  return queryOptions({
    queryKey: reportKeys.studentSearch(search),
    queryFn: ({ signal }) => searchStudents(search, signal),
    enabled: search.length >= MIN_STUDENT_SEARCH_LENGTH,
    // The previous matches stay listed while the next search loads.
    placeholderData: keepPreviousData,
  });
}

export function useStudentSearch(search: string) {
  return useQuery(studentSearchQueryOptions(search.trim()));
}
