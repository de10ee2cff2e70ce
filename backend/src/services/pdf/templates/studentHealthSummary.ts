/**
 * Student health summary: who the child is and whom to call, what could kill them (first,
 * in red), every allergy, conditions with their action plans, active medications with their
 * schedule, and immunization status with what is missing.
 */
import type { FontFace } from '../fonts.js';
import { fullName, humanize, orDash, yesNo } from '../format.js';
import { ReportWriter } from '../ReportWriter.js';
import type {
  AllergyEntry,
  AllergySeverityLevel,
  ConditionEntry,
  ImmunizationSummary,
  MedicationEntry,
  StudentHealthSummaryInput,
} from '../types.js';

const SEVERITY_ORDER: AllergySeverityLevel[] = ['LIFE_THREATENING', 'SEVERE', 'MODERATE', 'MILD'];
const isLifeThreatening = (a: AllergyEntry) => a.severity === 'LIFE_THREATENING';

function epiPen(a: AllergyEntry): string | null {
  if (!a.epiPenRequired) return null;
  const where = a.epiPenLocation ? ` at ${a.epiPenLocation}` : '';
  const expires = a.epiPenExpiresOn ? `, expires ${a.epiPenExpiresOn}` : '';
  return `EpiPen${where}${expires}`;
}

/** Free text may or may not end a sentence itself; avoid "call 911.." when joining. */
const sentence = (text: string) => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

function lifeThreateningLine(a: AllergyEntry): string {
  const parts = [`${a.allergen} (${humanize(a.allergyType)})`];
  if (a.reactions.length > 0) parts.push(`Reactions: ${a.reactions.join(', ')}`);
  if (a.emergencyProtocol) parts.push(`Emergency protocol: ${a.emergencyProtocol}`);
  const pen = epiPen(a);
  if (pen) parts.push(pen);
  return parts.map(sentence).join(' ');
}

function allergies(w: ReportWriter, list: AllergyEntry[]): void {
  const ordered = [...list].sort(
    (a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity),
  );
  w.heading('Allergies');
  w.table({
    head: ['Allergen', 'Type', 'Severity', 'Reactions', 'Emergency protocol', 'EpiPen'],
    rows: ordered.map((a) => [
      a.allergen,
      humanize(a.allergyType),
      humanize(a.severity),
      a.reactions.join(', '),
      a.emergencyProtocol,
      epiPen(a) ?? 'No',
    ]),
    emphasize: (i) => isLifeThreatening(ordered[i]!),
    widths: { 0: 80, 1: 70, 2: 84 },
    empty: 'No known allergies.',
  });
}

function conditions(w: ReportWriter, list: ConditionEntry[]): void {
  w.heading('Health conditions');
  if (list.length === 0) w.paragraph('No conditions recorded.');
  for (const c of list) {
    const code = c.icd10Code ? ` (${c.icd10Code})` : '';
    w.paragraph(`${c.condition}${code} — ${humanize(c.status)}`, { bold: true });
    w.paragraph(`Action plan: ${orDash(c.actionPlan)}`, { indent: 10 });
    if (c.accommodations) w.paragraph(`Accommodations: ${c.accommodations}`, { indent: 10 });
    if (c.triggers && c.triggers.length > 0)
      w.paragraph(`Triggers: ${c.triggers.join(', ')}`, { indent: 10 });
    w.gap(4);
  }
}

function schedule(m: MedicationEntry): string {
  const parts = m.scheduleTimes.length > 0 ? [m.scheduleTimes.join(', ')] : [];
  if (m.prn) {
    const interval = m.minIntervalMinutes ? `, at least ${m.minIntervalMinutes} min apart` : '';
    parts.push(`As needed${interval}`);
  }
  return parts.join('; ');
}

function medications(w: ReportWriter, list: MedicationEntry[]): void {
  w.heading('Active medications');
  w.table({
    head: ['Medication', 'Dose', 'Route', 'Schedule', 'Prescriber', 'Instructions'],
    rows: list.map((m) => [
      `${m.medication.name} ${m.medication.strength} (${humanize(m.medication.form)})`,
      m.dose,
      humanize(m.route),
      schedule(m),
      m.prescriber,
      m.instructions,
    ]),
    widths: { 0: 120, 1: 55, 2: 55, 3: 80 },
    empty: 'No active medications.',
  });
}

function immunizations(w: ReportWriter, summary: ImmunizationSummary): void {
  const { compliance } = summary;
  w.heading('Immunizations');
  w.paragraph(`Status: ${humanize(compliance.status)} (as of ${compliance.asOf})`, { bold: true });
  w.gap(3);
  w.table({
    head: ['Series', 'Status', 'Valid doses', 'Required', 'Missing', 'Due on'],
    rows: compliance.series.map((s) => [
      s.series,
      humanize(s.status),
      s.validDoses,
      s.requiredDoses,
      s.missing,
      s.dueOn,
    ]),
    empty: 'No series apply to this grade.',
  });
  const missing = compliance.series.filter((s) => s.missing > 0 && s.status !== 'EXEMPT');
  w.paragraph(
    missing.length === 0
      ? 'Missing: nothing.'
      : `Missing: ${missing
          .map(
            (s) =>
              `${s.series} — ${s.missing} more dose${s.missing === 1 ? '' : 's'}${s.dueOn ? `, due ${s.dueOn}` : ''}`,
          )
          .join('; ')}.`,
  );
  const exemptions = summary.exemptions ?? [];
  if (exemptions.length > 0) {
    const list = exemptions.map((e) => `${e.series} (${e.expiresOn ? `until ${e.expiresOn}` : 'no expiry'})`);
    w.paragraph(`Exemptions on file: ${list.join(', ')}.`);
  }
  w.gap(4);
  w.table({
    head: ['Vaccine', 'CVX', 'Given on', 'Dose #'],
    rows: summary.records.map((r) => [r.vaccineName, r.cvxCode, r.administeredOn, r.doseNumber]),
    empty: 'No immunizations recorded.',
  });
}

export function renderStudentHealthSummary(input: StudentHealthSummaryInput, face: FontFace): Buffer {
  const w = new ReportWriter(face, input, 'Student health summary');
  const { student } = input;
  w.paragraph(fullName(student), { size: 16, bold: true });
  w.gap(4);
  w.fields([
    ['Date of birth', student.dateOfBirth],
    ['Grade', student.grade],
    ['Gender', student.gender],
    ['Student number', student.studentNumber],
    ['School', input.school?.name],
  ]);

  const critical = input.allergies.filter(isLifeThreatening);
  if (critical.length > 0) w.alertBox('LIFE-THREATENING ALLERGIES', critical.map(lifeThreateningLine));

  w.heading('Emergency contacts');
  w.table({
    head: ['#', 'Name', 'Relationship', 'Phones', 'Email', 'May pick up'],
    rows: [...input.emergencyContacts]
      .sort((a, b) => a.priority - b.priority)
      .map((c) => [
        c.priority,
        c.name,
        c.relationship,
        c.phones.map((p) => `${humanize(p.type)}: ${p.number}`).join('\n'),
        c.email,
        yesNo(c.canPickUp),
      ]),
    widths: { 0: 22 },
    empty: 'No emergency contacts on file.',
  });

  allergies(w, input.allergies);
  conditions(w, input.conditions);
  medications(w, input.medications);
  immunizations(w, input.immunizations);
  return w.finish();
}
