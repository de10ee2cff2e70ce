/** One student row as the API returns it; tests spread it into fuller shapes (e.g. a profile). */
export const student = {
  id: 's1',
  organizationId: 'o1',
  schoolId: null,
  firstName: 'Ava',
  lastName: 'Martinez',
  dateOfBirth: '2014-03-09',
  grade: '5',
  gender: null,
  studentNumber: 'S-1',
  isActive: true,
  createdAt: '2024-01-01T00:00:00Z',
  updatedAt: '2024-01-01T00:00:00Z',
} as const;
