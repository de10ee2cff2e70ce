import type { StudentOption } from '@/components/StudentPicker';
import { apiRequest } from '@/services/api/apiClient';

const PICKER_PAGE_SIZE = 10;

/** GET /api/v1/students?search=: this feature's own call, so it needs nothing from features/students. */
export async function searchStudents(search: string, signal?: AbortSignal): Promise<StudentOption[]> {
  const page = await apiRequest<{ data: StudentOption[] }>('/api/v1/students', {
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
