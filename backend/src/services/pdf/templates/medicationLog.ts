/**
 * Medication administration log for a date range, one student or everyone: every dose with
 * its time, status, reason, who gave it and who witnessed it, preceded by a count per status.
 */
import type { FontFace } from '../fonts.js';
import { formatDate, formatDateTime, fullName, humanize } from '../format.js';
import { ReportWriter } from '../ReportWriter.js';
import type { DoseLogEntry, MedicationLogInput } from '../types.js';

const STATUSES: Array<DoseLogEntry['status']> = ['GIVEN', 'REFUSED', 'MISSED', 'HELD'];

function statusCounts(entries: DoseLogEntry[]): string {
  const counts = STATUSES.map((status) => {
    const n = entries.filter((e) => e.status === status).length;
    return `${n} ${status.toLowerCase()}`;
  });
  return `${entries.length} dose record${entries.length === 1 ? '' : 's'}: ${counts.join(', ')}`;
}

export function renderMedicationLog(input: MedicationLogInput, face: FontFace): Buffer {
  const w = new ReportWriter(face, input, 'Medication administration log');
  const { timeZone, student } = input;
  const scope = student
    ? `${fullName(student)} (grade ${student.grade}, born ${student.dateOfBirth})`
    : `All students of ${input.school?.name ?? input.organization.name}`;
  w.fields([
    ['Period', `${formatDate(input.range.from, timeZone)} to ${formatDate(input.range.to, timeZone)}`],
    ['Students', scope],
    ['Summary', statusCounts(input.entries)],
  ]);

  // One student's log need not repeat the name on every row.
  const withStudent = !student;
  const head = ['Time', ...(withStudent ? ['Student'] : []), 'Medication', 'Dose', 'Route', 'Status'];
  w.table({
    head: [...head, 'Reason', 'Given by', 'Witness'],
    rows: input.entries.map((e) => [
      formatDateTime(e.administeredAt, timeZone),
      ...(withStudent ? [e.studentName] : []),
      e.medication,
      e.dose,
      e.route ? humanize(e.route) : null,
      humanize(e.status),
      e.reason,
      e.givenBy,
      e.witnessName,
    ]),
    widths: { 0: 92 },
    empty: 'No doses were recorded in this period.',
  });
  return w.finish();
}
