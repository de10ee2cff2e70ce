import { describe, expect, it } from 'vitest';
import { PdfService } from '../../../src/services/pdf/index.js';
import { pdfPages, pdfText, squash } from './poppler.js';
import { doseEntries, doseMarker, medicationLogInput } from './samples.js';

const pdf = new PdfService();
const HEADER = 'Time Student Medication Dose Route Status Reason Given by Witness';

describe('medication administration log PDF', () => {
  it('prints every one of 300 dose rows exactly once, across pages, each page repeating the column headers', async () => {
    const file = await pdf.generateMedicationLog(medicationLogInput());
    const pages = await pdfPages(file);
    expect(pages.length).toBeGreaterThan(3);

    const all = pages.join('\n');
    for (let i = 1; i <= 300; i += 1) {
      expect(all.split(doseMarker(i)).length - 1, doseMarker(i)).toBe(1);
    }
    for (const page of pages) expect(squash(page)).toContain(HEADER);

    // The same, asked of page 2 alone.
    const second = squash(await pdfText(file, { first: 2, last: 2 }));
    expect(second).toContain(HEADER);
    expect(second).not.toContain(doseMarker(1));
  });

  it('prints each dose with time (in the school zone), status, reason, who gave it and the witness', async () => {
    const text = await pdfText(await pdf.generateMedicationLog(medicationLogInput()));
    const lines = text.split('\n');
    const row = (i: number) => squash(lines.find((l) => l.includes(doseMarker(i))) ?? '').trim();
    expect(row(1)).toBe(
      '2026-03-02 08:00 EST Student 0 Albuterol 90 mcg 2 puffs Inhaled Given DOSE-0001 Nurse Joy Alvarez Sam Ortiz',
    );
    expect(row(4)).toContain('Refused DOSE-0004 Nurse Joy Alvarez —');
    expect(row(6)).toContain('2026-03-02 09:40 EST');
    expect(row(6)).toContain('Held DOSE-0006 Nurse Joy Alvarez Sam Ortiz');
  });

  it('heads the log with its period, scope and a count per status', async () => {
    const text = squash(await pdfText(await pdf.generateMedicationLog(medicationLogInput())));
    expect(text).toContain('Period 2026-03-01 to 2026-03-31');
    expect(text).toContain('Students All students of Cedar Elementary');
    expect(text).toContain('300 dose records: 150 given, 50 refused, 50 missed, 50 held');
  });

  it("leaves the student column out of one student's log and names the student instead", async () => {
    const input = medicationLogInput({
      student: { firstName: 'Amelia', lastName: 'Hartwell', dateOfBirth: '2016-05-14', grade: '4' },
      entries: doseEntries(3),
    });
    const text = squash(await pdfText(await pdf.generateMedicationLog(input)));
    expect(text).toContain('Students Amelia Hartwell (grade 4, born 2016-05-14)');
    expect(text).toContain('Time Medication Dose Route Status Reason Given by Witness');
    expect(text).not.toContain('Student 0');
  });

  it('says when no dose was recorded in the period', async () => {
    const text = squash(await pdfText(await pdf.generateMedicationLog(medicationLogInput({ entries: [] }))));
    expect(text).toContain('0 dose records: 0 given, 0 refused, 0 missed, 0 held');
    expect(text).toContain('No doses were recorded in this period.');
  });

  it('refuses an invalid time rather than printing "Invalid Date"', async () => {
    const entries = doseEntries(1).map((e) => ({ ...e, administeredAt: 'not a time' }));
    await expect(pdf.generateMedicationLog(medicationLogInput({ entries }))).rejects.toThrow(RangeError);
  });
});
