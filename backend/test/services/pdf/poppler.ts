/**
 * Reading PDFs back the way a person would: poppler's pdftotext for the words on each page,
 * pdftoppm for what the pages look like. Needs poppler-utils on the machine (.ci/run installs it).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function withPdfFile<T>(pdf: Uint8Array, work: (file: string, dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'wc-pdf-'));
  try {
    const file = path.join(dir, 'report.pdf');
    await writeFile(file, pdf);
    return await work(file, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface TextOptions {
  first?: number;
  last?: number;
  /**
   * Drawing order instead of layout: the lines of a wrapped table cell stay together
   * (layout order interleaves them with the neighbouring cells' lines). Each page's
   * header and footer come after its content, since they are drawn last.
   */
  raw?: boolean;
}

/** The text of the whole document, or of pages `first`..`last`. */
export function pdfText(pdf: Uint8Array, options: TextOptions = {}): Promise<string> {
  const mode = options.raw ? '-raw' : '-layout';
  const range = [
    ...(options.first ? ['-f', String(options.first)] : []),
    ...(options.last ? ['-l', String(options.last)] : []),
  ];
  return withPdfFile(pdf, async (file) => {
    const { stdout } = await run('pdftotext', [mode, '-enc', 'UTF-8', ...range, file, '-'], {
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  });
}

/** Text per page: pdftotext separates pages with a form feed. */
export async function pdfPages(pdf: Uint8Array, options: Pick<TextOptions, 'raw'> = {}): Promise<string[]> {
  const pages = (await pdfText(pdf, options)).split('\f');
  return pages.at(-1)?.trim() === '' ? pages.slice(0, -1) : pages;
}

/** Whitespace-insensitive: pdftotext -layout spaces columns and may wrap long lines. */
export const squash = (text: string) => text.replace(/\s+/g, ' ');

/** pdfinfo's "Key: value" lines (Title, Creator, Pages, ...). */
export function pdfInfo(pdf: Uint8Array): Promise<Record<string, string>> {
  return withPdfFile(pdf, async (file) => {
    const { stdout } = await run('pdfinfo', ['-enc', 'UTF-8', file]);
    return Object.fromEntries(
      stdout
        .split('\n')
        .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1]!, m[2]!]),
    );
  });
}

export interface WordBox {
  page: number;
  word: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** Every word with its box in points (pdftotext -bbox), to check nothing runs off the page. */
export function wordBoxes(pdf: Uint8Array): Promise<WordBox[]> {
  return withPdfFile(pdf, async (file) => {
    const { stdout } = await run('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], {
      maxBuffer: 64 * 1024 * 1024,
    });
    const boxes: WordBox[] = [];
    for (const [index, page] of stdout.split('<page ').slice(1).entries()) {
      for (const m of page.matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
      )) {
        const [xMin, yMin, xMax, yMax] = [m[1], m[2], m[3], m[4]].map(Number) as [
          number,
          number,
          number,
          number,
        ];
        boxes.push({ page: index + 1, word: m[5]!, xMin, xMax, yMin, yMax });
      }
    }
    return boxes;
  });
}

export interface RenderedPage {
  /** Binary PGM (P5) as pdftoppm -gray writes it. */
  pgm: Buffer;
  /** Share of pixels darker than near-white, 0..1. */
  inkRatio: number;
}

/** The pixels after the P5 header ("P5\n<w> <h>\n<max>\n"). */
function inkRatioOf(pgm: Buffer): number {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a binary PGM');
  const pixels = pgm.subarray(header[0].length);
  let ink = 0;
  for (const value of pixels) if (value < 200) ink += 1;
  return ink / pixels.length;
}

/** Every page as a grayscale image at `dpi`; when `pngPrefix` is given, also PNGs for a person to look at. */
export function renderPages(pdf: Uint8Array, dpi: number, pngPrefix?: string): Promise<RenderedPage[]> {
  return withPdfFile(pdf, async (file, dir) => {
    await run('pdftoppm', ['-gray', '-r', String(dpi), file, path.join(dir, 'page')]);
    if (pngPrefix) await run('pdftoppm', ['-png', '-r', String(dpi), file, pngPrefix]);
    const names = (await readdir(dir)).filter((n) => n.endsWith('.pgm')).sort();
    return Promise.all(
      names.map(async (name) => {
        const pgm = await readFile(path.join(dir, name));
        return { pgm, inkRatio: inkRatioOf(pgm) };
      }),
    );
  });
}
