// Route paths live here so links, redirects and tests agree on one spelling.
export const paths = {
  home: '/',
  login: '/login',
  dashboard: '/dashboard',
  students: '/students',
  /** Route pattern for a student's profile; build links with studentProfile(). */
  studentProfile: '/students/:studentId',
  alerts: '/alerts',
} as const;

export function studentProfilePath(studentId: string): string {
  return `${paths.students}/${encodeURIComponent(studentId)}`;
}
