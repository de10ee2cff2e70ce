/**
 * Custom report: a caller-supplied title, subtitle, label/value metadata and any number of
 * tables. The shape is checked before anything is drawn, so a malformed request fails whole.
 */
import type { FontFace } from '../fonts.js';
import { PdfInputError } from '../PdfInputError.js';
import { ReportWriter } from '../ReportWriter.js';
import type { CustomReportInput } from '../types.js';

function assertWellFormed(input: CustomReportInput): void {
  if (input.title.trim() === '') throw new PdfInputError('The report needs a title');
  input.tables.forEach((table, t) => {
    if (table.columns.length === 0) throw new PdfInputError(`Table ${t + 1} has no columns`);
    table.rows.forEach((row, r) => {
      if (row.length !== table.columns.length) {
        throw new PdfInputError(
          `Table ${t + 1}, row ${r + 1} has ${row.length} cells; the table has ${table.columns.length} columns`,
        );
      }
    });
  });
}

export function renderCustomReport(input: CustomReportInput, face: FontFace): Buffer {
  assertWellFormed(input);
  const w = new ReportWriter(face, input, input.title);
  if (input.subtitle) {
    w.paragraph(input.subtitle, { size: 11 });
    w.gap(4);
  }
  const metadata = Object.entries(input.metadata ?? {});
  if (metadata.length > 0) w.fields(metadata);
  for (const table of input.tables) {
    if (table.title) w.heading(table.title);
    else w.gap(6);
    w.table({ head: table.columns, rows: table.rows, empty: 'No rows.' });
  }
  return w.finish();
}
