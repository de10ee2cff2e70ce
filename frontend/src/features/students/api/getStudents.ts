import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { StudentListQuery, StudentPage } from '../types';
import { studentKeys } from './studentKeys';

export { studentKeys };

export function getStudents(query: StudentListQuery, signal?: AbortSignal): Promise<StudentPage> {
  return apiRequest<StudentPage>('/api/v1/students', {
    query: { search: query.search, grade: query.grade, page: query.page, pageSize: query.pageSize },
    signal,
  });
}

export function studentsQueryOptions(query: StudentListQuery) {
  return queryOptions({
    queryKey: studentKeys.list(query),
    queryFn: ({ signal }) => getStudents(query, signal),
    // Keep the current page on screen while the next search or page loads.
    placeholderData: keepPreviousData,
  });
}

export function useStudents(query: StudentListQuery) {
  return useQuery(studentsQueryOptions(query));
}
