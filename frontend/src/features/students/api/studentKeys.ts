import type { StudentListQuery } from '../types';

/** Every students query key comes from here, so a mutation elsewhere can invalidate exactly one. */
export const studentKeys = {
  all: ['students'] as const,
  list: (query: StudentListQuery) => [...studentKeys.all, 'list', query] as const,
  detail: (studentId: string) => [...studentKeys.all, 'detail', studentId] as const,
};
