import { describe, expect, it } from 'vitest';
import { PdfService } from '../../../src/services/pdf/index.js';
import { CONFIDENTIALITY_LINE, PAGE } from '../../../src/services/pdf/layout.js';
import { pdfInfo, pdfPages, squash, wordBoxes } from './poppler.js';
import {
  customReportInput,
  healthSummaryInput,
  immunizationReportInput,
  incidentReportInput,
  medicationLogInput,
} from './samples.js';

const pdf = new PdfService();

const templates = {
  'student health summary': () => pdf.generateStudentHealthSummary(healthSummaryInput()),
  'medication log': () => pdf.generateMedicationLog(medicationLogInput()),
  'immunization report': () => pdf.generateImmunizationReport(immunizationReportInput()),
  'incident report': () => pdf.generateIncidentReport(incidentReportInput()),
  'custom report': () => pdf.generateCustomReport(customReportInput()),
};

describe('the layout every report shares', () => {
  it('numbers every page "Page x of N"', async () => {
    const pages = await pdfPages(await pdf.generateMedicationLog(medicationLogInput()));
    const n = pages.length;
    expect(n).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${n}`);
    });
  });

  it('puts the header and the confidentiality line on every page', async () => {
    const pages = await pdfPages(await pdf.generateMedicationLog(medicationLogInput()));
    for (const page of pages) {
      const text = squash(page);
      expect(text).toContain('Maple Valley School District · Cedar Elementary');
      expect(text).toContain('Generated 2026-03-02 14:05 EST by Nurse Joy Alvarez (Nurse)');
      expect(text).toContain('Medication administration log');
      // The line wraps in two, with the page number between its halves in reading order.
      expect(text.replace(/ Page \d+ of \d+/, '')).toContain(CONFIDENTIALITY_LINE);
    }
  });

  it('names the report and White Cross in the metadata, and no student', async () => {
    const info = await pdfInfo(await pdf.generateStudentHealthSummary(healthSummaryInput()));
    expect(info.Title).toBe('Student health summary');
    expect(info.Creator).toBe('White Cross');
    expect(Object.values(info).join(' ')).not.toContain('Hartwell');
    expect(info.Subject).toBeUndefined();
    expect(info.Author).toBeUndefined();
  });

  it.each(Object.entries(templates))(
    '%s: keeps every word inside the page margins',
    async (_name, generate) => {
      const boxes = await wordBoxes(await generate());
      expect(boxes.length).toBeGreaterThan(20);
      // 2 pt of slack: poppler measures Helvetica with its own metrics, a hair wider than jsPDF's.
      const outside = boxes.filter(
        (b) =>
          b.xMin < PAGE.margin - 2 ||
          b.xMax > PAGE.width - PAGE.margin + 2 ||
          b.yMin < 10 ||
          b.yMax > PAGE.height - 10,
      );
      expect(outside).toEqual([]);
    },
  );
});
