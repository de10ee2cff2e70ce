/** Keys of the medication queries this feature owns (scheduled doses, a student's prescriptions). */
export interface AdministrationRecordParams {
  /** YYYY-MM-DD; '' for the organization's today. */
  date: string;
  /** '' for every school. */
  schoolId: string;
  /** Empty for every status. */
  status: readonly string[];
  page: number;
  pageSize: number;
}

export const medicationKeys = {
  all: ['medications'] as const,
  student: (studentId: string) => [...medicationKeys.all, 'student', studentId] as const,
  /** A student's prescriptions; under student() so recording a dose refreshes them. */
  prescriptions: (studentId: string) => [...medicationKeys.student(studentId), 'prescriptions'] as const,
  /** Every list of scheduled doses (due now, a day's record): invalidate this after a dose is recorded. */
  doses: () => [...medicationKeys.all, 'doses'] as const,
  due: () => [...medicationKeys.doses(), 'due'] as const,
  dueWithin: (window: number | 'default') => [...medicationKeys.due(), window] as const,
  record: (params: AdministrationRecordParams) => [...medicationKeys.doses(), 'record', params] as const,
};
