/**
 * PDF rendering: the student health summary through PdfService (shared layout, autotable,
 * text made drawable, header/footer pass) beside a bare jsPDF document of the same size (the
 * same number of pages and of text lines, plain doc.text calls, no tables), with Helvetica
 * and with the embedded DejaVu font. The 300-row medication log is timed too. No database.
 * Run: cd backend && node --import tsx bench/pdf.bench.ts
 */
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { jsPDF } from 'jspdf';
import { PdfService } from '../src/services/pdf/index.js';
import { healthSummaryInput, medicationLogInput } from '../test/services/pdf/samples.js';
import { printTable, timeIt } from './harness.js';

const ITERATIONS = 50;
const LOG_ITERATIONS = 10;
const FONT_DIR = new URL('../src/services/pdf/fonts/', import.meta.url);
// Read once, as PdfService does: the comparison is about rendering, not disk reads.
const FONT_FILES = (['normal', 'bold'] as const).map((style) => {
  const file = style === 'bold' ? 'DejaVuSansCondensed-Bold-Subset.ttf' : 'DejaVuSansCondensed-Subset.ttf';
  return { style, file, base64: readFileSync(new URL(file, FONT_DIR)).toString('base64') };
});

/** Pages and drawn text lines (Tj operators) of a PDF as jsPDF writes it (Flate page streams). */
function shapeOf(pdf: Buffer): { pages: number; lines: number } {
  const text = pdf.toString('latin1');
  const pages = text.match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
  let lines = 0;
  for (const m of text.matchAll(/\/Filter \/FlateDecode[^>]*>>\s*stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const body = pdf.subarray(start, text.indexOf('endstream', start));
    lines += inflateSync(body).toString('latin1').match(/ Tj\b/g)?.length ?? 0;
  }
  return { pages, lines };
}

function bareDocument(shape: { pages: number; lines: number }, embedFont: boolean): Buffer {
  const doc = new jsPDF({ unit: 'pt', format: 'letter', compress: true });
  if (embedFont) {
    for (const { style, file, base64 } of FONT_FILES) {
      doc.addFileToVFS(file, base64);
      doc.addFont(file, 'DejaVuSansCondensed', style);
    }
    doc.setFont('DejaVuSansCondensed', 'normal');
  }
  doc.setFontSize(9);
  const perPage = Math.ceil(shape.lines / shape.pages);
  for (let page = 0; page < shape.pages; page += 1) {
    if (page > 0) doc.addPage();
    for (let line = 0; line < perPage && page * perPage + line < shape.lines; line += 1) {
      doc.text(`Line ${line}: Peanut, anaphylaxis, EpiPen in the nurse office`, 40, 60 + line * 11);
    }
  }
  return Buffer.from(doc.output('arraybuffer'));
}

const auto = new PdfService();
const embedded = new PdfService({ font: 'embedded' });
const summary = healthSummaryInput();
const log = medicationLogInput();
const shape = shapeOf(await auto.generateStudentHealthSummary(summary));

const ms = (n: number) => n.toFixed(1);
const row = async (scenario: string, iterations: number, run: () => Promise<Buffer> | Buffer) => {
  const size = (await run()).length;
  const t = await timeIt(iterations, async () => {
    await run();
  });
  return {
    scenario,
    runs: iterations,
    'p50 ms': ms(t.p50),
    'p99 ms': ms(t.p99),
    'mean ms': ms(t.mean),
    KB: ms(size / 1024),
  };
};

printTable(
  `PDF rendering: health summary = ${shape.pages} pages, ${shape.lines} text lines (median of ${ITERATIONS})`,
  [
    await row('PdfService health summary (Helvetica)', ITERATIONS, () =>
      auto.generateStudentHealthSummary(summary),
    ),
    await row('bare jsPDF, same pages and lines (Helvetica)', ITERATIONS, () => bareDocument(shape, false)),
    await row('PdfService health summary (DejaVu embedded)', ITERATIONS, () =>
      embedded.generateStudentHealthSummary(summary),
    ),
    await row('bare jsPDF, same pages and lines (DejaVu embedded)', ITERATIONS, () =>
      bareDocument(shape, true),
    ),
    await row('PdfService medication log, 300 rows (Helvetica)', LOG_ITERATIONS, () =>
      auto.generateMedicationLog(log),
    ),
  ],
);
