import { describe, expect, it } from 'vitest';
import { PdfService } from '../../../src/services/pdf/index.js';
import { pdfPages, pdfText, squash } from './poppler.js';
import { incidentReportInput } from './samples.js';

const pdf = new PdfService();

describe('incident report PDF', () => {
  it('prints the incident in full', async () => {
    const input = incidentReportInput();
    const text = squash(await pdfText(await pdf.generateIncidentReport(input)));
    expect(text).toContain('Amelia Hartwell');
    expect(text).toContain('Type Injury');
    expect(text).toContain('Severity Medium');
    expect(text).toContain('Occurred 2026-03-02 12:40 EST');
    expect(text).toContain('Location Playground, north climbing frame');
    expect(text).toContain('Reported by Nurse Joy Alvarez');
    expect(text).toContain(input.incident.description);
    expect(text).toContain(input.incident.actionsTaken!);
    expect(text).toContain('Mr. Dale Peters (recess monitor) Ana Ruiz (student)');
    expect(text).toContain('Notified Yes By Nurse Joy Alvarez When 2026-03-02 12:55 EST How Phone');
    expect(text).toContain('Required Yes Notes Ask parent for X-ray result; adjust PE participation.');
  });

  it('ends with signature lines for the nurse, an administrator and a parent, on one page', async () => {
    const pages = await pdfPages(await pdf.generateIncidentReport(incidentReportInput()));
    const last = squash(pages.at(-1)!);
    expect(last).toContain('Signatures');
    expect(last).toContain('Reporting nurse: Nurse Joy Alvarez Date');
    expect(last).toContain('School administrator Date');
    expect(last).toContain('Parent or guardian Date');
  });

  it('wraps a very long description over pages without losing a word', async () => {
    const description = Array.from({ length: 900 }, (_, i) => `word${i + 1}`).join(' ');
    const input = incidentReportInput();
    input.incident.description = description;
    const pages = await pdfPages(await pdf.generateIncidentReport(input));
    expect(pages.length).toBeGreaterThan(2);
    // Page headers and footers fall between the lines; the words themselves come in order, each once.
    expect(pages.join(' ').match(/\bword\d+\b/g)).toEqual(description.split(' '));
  });

  it('prints a dash, not a blank, for what was not recorded', async () => {
    const input = incidentReportInput();
    input.incident = {
      ...input.incident,
      actionsTaken: null,
      witnesses: [],
      parentNotified: { notified: false, by: null, at: null, method: null },
      followUpRequired: false,
      followUpNotes: null,
    };
    const text = squash(await pdfText(await pdf.generateIncidentReport(input)));
    expect(text).toContain('Actions taken —');
    expect(text).toContain('Witnesses None recorded.');
    expect(text).toContain('Notified No By — When — How —');
  });
});
