/**
 * Rendering check: every template's pages, rasterized by poppler, carry ink (a page that
 * parses but draws nothing, e.g. a font that failed to embed, would pass the text tests).
 * PNGs of each are left in $PDF_SAMPLES_DIR (default <tmp>/pdf-samples) for a person to look at.
 */
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PdfService } from '../../../src/services/pdf/index.js';
import { renderPages } from './poppler.js';
import {
  customReportInput,
  healthSummaryInput,
  immunizationReportInput,
  incidentReportInput,
  medicationLogInput,
} from './samples.js';

const SAMPLES_DIR = process.env.PDF_SAMPLES_DIR ?? path.join(tmpdir(), 'pdf-samples');
const pdf = new PdfService();

const templates = {
  'health-summary': () => pdf.generateStudentHealthSummary(healthSummaryInput()),
  'health-summary-unicode': () =>
    pdf.generateStudentHealthSummary(
      healthSummaryInput({
        student: {
          firstName: 'Zoë Ñúñez',
          lastName: 'Łukasz Żółć 李小龍 Ağça',
          dateOfBirth: '2016-01-01',
          grade: '3',
        },
      }),
    ),
  'medication-log': () => pdf.generateMedicationLog(medicationLogInput()),
  'immunization-report': () => pdf.generateImmunizationReport(immunizationReportInput()),
  'incident-report': () => pdf.generateIncidentReport(incidentReportInput()),
  'custom-report': () => pdf.generateCustomReport(customReportInput()),
};

describe('rendered pages', () => {
  beforeAll(async () => {
    await mkdir(SAMPLES_DIR, { recursive: true });
  });

  it.each(Object.entries(templates))('%s: every page has ink on it', async (name, generate) => {
    const pages = await renderPages(await generate(), 50, path.join(SAMPLES_DIR, name));
    expect(pages.length).toBeGreaterThan(0);
    for (const [index, page] of pages.entries()) {
      // Header, footer and at least some content: well above a blank page, far below a black one.
      expect(page.inkRatio, `${name} page ${index + 1}`).toBeGreaterThan(0.01);
      expect(page.inkRatio, `${name} page ${index + 1}`).toBeLessThan(0.5);
    }
  });
});
