import { describe, expect, it } from 'vitest';
import { PdfInputError, PdfService } from '../../../src/services/pdf/index.js';
import { pdfPages, pdfText, squash } from './poppler.js';
import { customReportInput } from './samples.js';

const pdf = new PdfService();

describe('custom report PDF', () => {
  it('prints the title, subtitle, metadata and every table cell', async () => {
    const text = squash(await pdfText(await pdf.generateCustomReport(customReportInput())));
    expect(text).toContain('Nurse office visits by reason');
    expect(text).toContain('Cedar Elementary, February 2026');
    expect(text).toContain('Period 2026-02-01 to 2026-02-28 Total visits 214 Includes staff No');
    expect(text).toContain('Visits by reason Reason Visits Sent home');
    expect(text).toContain('Headache 61 4 Stomach ache 48 9 Injury 37 3 Medication 68 —');
  });

  it('prints several tables, an empty one as such', async () => {
    const input = customReportInput({
      tables: [
        { title: 'First', columns: ['A'], rows: [['alpha']] },
        { title: 'Second', columns: ['B', 'C'], rows: [] },
        { columns: ['D'], rows: [[true]] },
      ],
    });
    const text = squash(await pdfText(await pdf.generateCustomReport(input)));
    expect(text).toContain('First A alpha Second No rows. D Yes');
  });

  it('repeats the column headers on every page of a long table', async () => {
    const rows = Array.from({ length: 400 }, (_, i) => [`row-${i + 1}`, i, 'x']);
    const input = customReportInput({ tables: [{ title: 'Long', columns: ['Key', 'Index', 'Flag'], rows }] });
    const pages = await pdfPages(await pdf.generateCustomReport(input));
    expect(pages.length).toBeGreaterThan(3);
    for (const page of pages) expect(squash(page)).toContain('Key Index Flag');
    const all = pages.join('\n');
    for (const [key] of rows) expect(all).toMatch(new RegExp(`\\b${String(key)}\\b`));
  });

  it('continues a cell taller than a page on the next page without losing a word', async () => {
    const words = Array.from({ length: 3000 }, (_, i) => `w${i + 1}`);
    const input = customReportInput({
      tables: [
        {
          title: 'Big',
          columns: ['Key', 'Text'],
          rows: [
            ['a', words.join(' ')],
            ['b', 'short'],
          ],
        },
      ],
    });
    const pages = await pdfPages(await pdf.generateCustomReport(input), { raw: true });
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.join(' ').match(/\bw\d+\b/g)).toEqual(words);
  });

  it('prints a title too long for the running header in full on the first page', async () => {
    const title = `Visits by reason, ${'grade by grade and week by week, '.repeat(4)}for the board`;
    const pages = await pdfPages(await pdf.generateCustomReport(customReportInput({ title })));
    expect(squash(pages[0]!)).toContain(title);
    expect(squash(pages[0]!)).toMatch(/Visits by reason, grade by grade.*\.\.\./);
  });

  it('refuses a row whose cells do not match the columns, naming where', async () => {
    const input = customReportInput({
      tables: [{ title: 'Bad', columns: ['A', 'B'], rows: [['1', '2'], ['3']] }],
    });
    const result = pdf.generateCustomReport(input);
    await expect(result).rejects.toBeInstanceOf(PdfInputError);
    await expect(result).rejects.toThrow('Table 1, row 2 has 1 cells; the table has 2 columns');
  });

  it('refuses a table without columns and a report without a title', async () => {
    await expect(
      pdf.generateCustomReport(customReportInput({ tables: [{ columns: [], rows: [] }] })),
    ).rejects.toThrow('Table 1 has no columns');
    await expect(pdf.generateCustomReport(customReportInput({ title: '  ' }))).rejects.toThrow(
      'The report needs a title',
    );
  });
});
