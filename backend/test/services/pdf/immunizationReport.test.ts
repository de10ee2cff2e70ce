import { describe, expect, it } from 'vitest';
import { PdfService } from '../../../src/services/pdf/index.js';
import { pdfPages, pdfText, squash } from './poppler.js';
import { immunizationReportInput } from './samples.js';

const pdf = new PdfService();

describe('immunization compliance report PDF', () => {
  it('prints the overall counts and rates', async () => {
    const text = squash(await pdfText(await pdf.generateImmunizationReport(immunizationReportInput())));
    expect(text).toContain('As of 2026-03-02');
    expect(text).toContain('Rule set State default 2025-26');
    expect(text).toContain('Students Compliant Due Overdue Exempt 40 35 (87.5%) 2 (5.0%) 2 (5.0%) 1 (2.5%)');
  });

  it('prints counts and rates per school and grade', async () => {
    const text = squash(await pdfText(await pdf.generateImmunizationReport(immunizationReportInput())));
    expect(text).toContain('Cedar Elementary K 24 21 (87.5%) 1 (4.2%) 1 (4.2%) 1 (4.2%)');
    expect(text).toContain('Cedar Elementary 7 16 14 (87.5%) 1 (6.3%) 1 (6.3%) 0 (0.0%)');
  });

  it('lists each non-compliant student with what each is missing, not what is exempt', async () => {
    const input = immunizationReportInput();
    input.nonCompliant[1]!.series.push({
      series: 'MenACWY',
      status: 'EXEMPT',
      validDoses: 0,
      requiredDoses: 1,
      missing: 1,
      dueOn: null,
    });
    const text = squash(await pdfText(await pdf.generateImmunizationReport(input)));
    expect(text).toContain('Students not compliant (2)');
    expect(text).toContain(
      'Oliver Brandt Cedar Elementary K Overdue MMR: 1 of 2 doses, 1 missing, due 2025-08-15',
    );
    expect(text).toContain('Polio: 3 of 4 doses, 1 missing, due 2025-08-15');
    expect(text).toContain(
      'Maya Lindqvist Cedar Elementary 7 Due Tdap: 0 of 1 doses, 1 missing, due 2025-08-15',
    );
    expect(text).not.toContain('MenACWY');
  });

  it('carries a long list of students over several pages, none lost', async () => {
    const base = immunizationReportInput();
    const nonCompliant = Array.from({ length: 150 }, (_, i) => ({
      ...base.nonCompliant[0]!,
      studentName: `Pupil-${String(i + 1).padStart(3, '0')}`,
    }));
    const pages = await pdfPages(await pdf.generateImmunizationReport({ ...base, nonCompliant }));
    expect(pages.length).toBeGreaterThan(2);
    const all = pages.join('\n');
    for (const s of nonCompliant) expect(all.split(s.studentName).length - 1).toBe(1);
    expect(squash(pages[1]!)).toContain('Student School Grade Status What is missing');
  });

  it('says so when every student is compliant', async () => {
    const text = squash(
      await pdfText(await pdf.generateImmunizationReport(immunizationReportInput({ nonCompliant: [] }))),
    );
    expect(text).toContain('Students not compliant (0)');
    expect(text).toContain('Every student in scope is compliant or exempt.');
  });
});
