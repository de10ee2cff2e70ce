export const GRADES = ['PK', 'K', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'] as const;
export type Grade = (typeof GRADES)[number];

export interface Student {
  id: string;
  organizationId: string;
  schoolId: string | null;
  firstName: string;
  lastName: string;
  /** Calendar date, 'YYYY-MM-DD'. */
  dateOfBirth: string;
  grade: Grade;
  gender: string | null;
  studentNumber: string | null;
  isActive: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface StudentPage {
  data: Student[];
  page: number;
  pageSize: number;
  total: number;
}

export interface StudentListQuery {
  search: string;
  grade: Grade | '';
  page: number;
  pageSize: number;
}

export function gradeLabel(grade: Grade): string {
  if (grade === 'PK') return 'Pre-K';
  if (grade === 'K') return 'Kindergarten';
  return `Grade ${grade}`;
}
