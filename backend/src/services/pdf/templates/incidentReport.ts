/**
 * Incident report: one incident in full (facts, narrative, actions, witnesses, parent
 * notification, follow-up), ending with lines for the nurse, an administrator and a parent
 * or guardian to sign.
 */
import type { FontFace } from '../fonts.js';
import { formatDateTime, fullName, humanize, orDash, yesNo } from '../format.js';
import { ReportWriter } from '../ReportWriter.js';
import type { IncidentReportInput } from '../types.js';

export function renderIncidentReport(input: IncidentReportInput, face: FontFace): Buffer {
  const w = new ReportWriter(face, input, 'Incident report');
  const { student, incident, timeZone } = input;
  const at = (value: Date | string | null | undefined) => (value ? formatDateTime(value, timeZone) : null);

  w.paragraph(fullName(student), { size: 16, bold: true });
  w.gap(4);
  w.fields([
    ['Date of birth', student.dateOfBirth],
    ['Grade', student.grade],
    ['Student number', student.studentNumber],
  ]);

  w.heading('Incident');
  w.fields([
    ['Type', humanize(incident.type)],
    ['Severity', humanize(incident.severity)],
    ['Occurred', at(incident.occurredAt)],
    ['Location', incident.location],
    ['Reported by', input.reporterName],
    ['Recorded', at(incident.createdAt)],
  ]);

  w.heading('Description');
  w.paragraph(incident.description);
  w.heading('Actions taken');
  w.paragraph(orDash(incident.actionsTaken));
  w.heading('Witnesses');
  w.paragraph(incident.witnesses.length > 0 ? incident.witnesses.join('\n') : 'None recorded.');

  w.heading('Parent or guardian notification');
  const notice = incident.parentNotified;
  w.fields([
    ['Notified', yesNo(notice.notified)],
    ['By', notice.by],
    ['When', at(notice.at)],
    ['How', notice.method ? humanize(notice.method) : null],
  ]);

  w.heading('Follow-up');
  w.fields([
    ['Required', yesNo(incident.followUpRequired)],
    ['Notes', incident.followUpNotes],
  ]);

  w.signatures('Signatures', [
    `Reporting nurse: ${input.reporterName}`,
    'School administrator',
    'Parent or guardian',
  ]);
  return w.finish();
}
