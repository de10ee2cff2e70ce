import { apiRequest } from './apiClient';

/** A student as a picker shows it: enough to tell two Smiths apart, no health data. */
export interface StudentOption {
  id: string;
  firstName: string;
  lastName: string;
  grade: string;
  studentNumber: string | null;
}

const PICKER_PAGE_SIZE = 10;

/** GET /api/v1/students?search=: the one student search every picker uses (no feature owns it). */
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
    studentNumber: studentNumber ?? null,
  }));
}
