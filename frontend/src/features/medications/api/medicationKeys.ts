/** Keys of the medication queries this feature owns (due doses, a student's administrations). */
export const medicationKeys = {
  all: ['medications'] as const,
  student: (studentId: string) => [...medicationKeys.all, 'student', studentId] as const,
};
