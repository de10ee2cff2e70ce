/**
 * PDF: the student health summary rendered by PdfService (shared layout, autotable, text made
 * drawable, header/footer pass) beside a bare jsPDF document of the same size: the same pages
 * and number of drawn text lines, plain doc.text calls. The two alternate render by render,
 * so a busy moment of the machine hits both. Then the summary as a nurse gets it: GET
 * /api/v1/students/{id}/health-summary.pdf from the real server, for the district's student
 * with the most records (database reads, audit row, render, response).
 */
import { inflateSync } from 'node:zlib';
import { jsPDF } from 'jspdf';
import pg from 'pg';
import { PdfService } from '../../src/services/pdf/index.js';
import { healthSummaryInput } from '../../test/services/pdf/samples.js';
import type { BenchContext, BenchRow, BenchSection } from '../support/context.js';

const WARM_UP = 10;
const RENDERS = 200;
const REQUESTS = 50;
const SEED_TARGET = '< 3 s';

interface Shape {
  pages: number;
  lines: number;
}

interface Timing {
  p50: number;
  p99: number;
}

/** Nearest-rank percentiles of samples in ms. */
function timing(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return { p50: at(50), p99: at(99) };
}

const ms = (t: Timing) => `p50 ${t.p50.toFixed(1)} ms, p99 ${t.p99.toFixed(1)} ms`;

async function elapsedMs(run: () => unknown): Promise<number> {
  const started = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** Pages and drawn text lines (Tj operators) of a PDF as jsPDF writes it (Flate page streams). */
function shapeOf(pdf: Buffer): Shape {
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

/** Helvetica, as the summary is set when its text needs nothing more. */
function bareDocument(shape: Shape): Buffer {
  const doc = new jsPDF({ unit: 'pt', format: 'letter', compress: true });
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

/** Both renders, alternating, after a warm-up of each. */
async function renderComparison(): Promise<{ shape: Shape; service: Timing; bare: Timing }> {
  const pdf = new PdfService();
  const input = healthSummaryInput();
  const shape = shapeOf(await pdf.generateStudentHealthSummary(input));
  const service: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < WARM_UP + RENDERS; i += 1) {
    const serviceMs = await elapsedMs(() => pdf.generateStudentHealthSummary(input));
    const bareMs = await elapsedMs(() => bareDocument(shape));
    if (i < WARM_UP) continue;
    service.push(serviceMs);
    bare.push(bareMs);
  }
  return { shape, service: timing(service), bare: timing(bare) };
}

/** The district's student with the most clinical records: the longest summary a nurse downloads. */
async function richestStudent(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `SELECT student_id AS id FROM (
         SELECT student_id FROM allergies UNION ALL SELECT student_id FROM conditions
         UNION ALL SELECT student_id FROM prescriptions UNION ALL SELECT student_id FROM student_immunizations
         UNION ALL SELECT student_id FROM emergency_contacts) records
        GROUP BY student_id ORDER BY count(*) DESC, student_id
        LIMIT 1`,
    );
    if (!rows[0]) throw new Error('the district has no students');
    return rows[0].id;
  } finally {
    await client.end();
  }
}

/** One request at a time (after a warm-up), as a nurse clicks "Download". */
async function routeTiming(ctx: BenchContext): Promise<{ timing: Timing; pages: number }> {
  const studentId = await richestStudent(ctx.env.databaseUrl);
  const nurse = ctx.district.nurses[0]!;
  const url = `${ctx.app.url}/api/v1/students/${studentId}/health-summary.pdf`;
  let last = Buffer.alloc(0);
  const download = async () => {
    const response = await fetch(url, { headers: { authorization: `Bearer ${nurse.token}` } });
    if (response.status !== 200) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
    last = Buffer.from(await response.arrayBuffer());
  };
  const samples: number[] = [];
  for (let i = 0; i < WARM_UP + REQUESTS; i += 1) {
    const took = await elapsedMs(download);
    if (i >= WARM_UP) samples.push(took);
  }
  return { timing: timing(samples), pages: shapeOf(last).pages };
}

export const pdfSection: BenchSection = {
  name: 'pdf',
  async run(ctx) {
    const render = await renderComparison();
    const ratio = render.service.p50 / render.bare.p50;
    const rows: BenchRow[] = [
      {
        section: 'PDF',
        metric:
          `health summary render (${render.shape.pages} pages, ${render.shape.lines} text lines), ` +
          `${RENDERS} renders alternating with bare jsPDF of the same size; ratio on the median`,
        seedTarget: SEED_TARGET,
        ours: ms(render.service),
        raw: ms(render.bare),
        ratio,
        target: '<= 2x',
        met: ratio <= 2,
      },
    ];
    const route = await routeTiming(ctx);
    rows.push({
      section: 'PDF',
      metric: `GET /students/{id}/health-summary.pdf from the server (${route.pages} pages), ${REQUESTS} requests one at a time`,
      seedTarget: SEED_TARGET,
      ours: ms(route.timing),
      raw: '',
      ratio: null,
      target: '',
      met: null,
    });
    return rows;
  },
};
