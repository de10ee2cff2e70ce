import type { DueDose, MarRow, ScheduledDose } from '../types';

export const doseKey = (dose: { prescriptionId: string; scheduledFor: string }) =>
  `${dose.prescriptionId}@${dose.scheduledFor}`;

const byTimeThenName = (a: MarRow, b: MarRow) =>
  Date.parse(a.scheduledFor) - Date.parse(b.scheduledFor) ||
  a.studentName.localeCompare(b.studentName) ||
  a.key.localeCompare(b.key);

/** The day's record as MAR rows, in the server's order (time, then student). */
export function recordRows(doses: readonly ScheduledDose[]): MarRow[] {
  return doses.map(({ student, prescription, scheduledFor, status, administration }) => {
    const row = {
      studentId: student.id,
      studentName: `${student.firstName} ${student.lastName}`,
      firstName: student.firstName,
      lastName: student.lastName,
      prescriptionId: prescription.id,
      medication: prescription.medication,
      dose: prescription.dose,
      route: prescription.route,
      scheduledFor,
      status,
      administration,
    };
    return { ...row, key: doseKey(row) };
  });
}

/** The due list as MAR rows (the dashboard's panel). */
export function dueRows(due: readonly DueDose[]): MarRow[] {
  return due
    .map(({ student, ...dose }) => ({
      ...dose,
      ...(student
        ? { firstName: student.firstName, lastName: student.lastName }
        : splitStudentName(dose.studentName)),
      administration: null,
      key: doseKey(dose),
    }))
    .sort(byTimeThenName);
}

/** "First Last" in two parts, for a due list that does not send them. */
export function splitStudentName(name: string): { firstName: string; lastName: string } {
  const trimmed = name.trim();
  const space = trimmed.indexOf(' ');
  return space === -1
    ? { firstName: trimmed, lastName: '' }
    : { firstName: trimmed.slice(0, space), lastName: trimmed.slice(space + 1) };
}
