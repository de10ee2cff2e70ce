/**
 * The bench's one table: in the terminal as aligned columns, and in BENCHMARKS.md as Markdown
 * between the `bench:table` markers (the text around them is the maintainers' and left alone).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { BenchRow } from './context.js';

export const BENCHMARKS_FILE = new URL('../../../BENCHMARKS.md', import.meta.url).pathname;
const START = '<!-- bench:table:start -->';
const END = '<!-- bench:table:end -->';

const HEADINGS = ['area', 'metric', 'seed target', 'ours', 'raw (same run)', 'ratio', 'target', 'met'];

function cells(row: BenchRow): string[] {
  const met = row.met === null ? '' : row.met ? 'yes' : 'NO';
  const ratio = row.ratio === null ? '' : row.ratio.toFixed(2);
  return [row.section, row.metric, row.seedTarget, row.ours, row.raw, ratio, row.target, met];
}

export function formatTable(rows: BenchRow[]): string {
  const body = rows.map(cells);
  const widths = HEADINGS.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => v.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(HEADINGS), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

export function markdownTable(rows: BenchRow[]): string {
  const line = (values: string[]) => `| ${values.map((v) => v.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(HEADINGS), line(HEADINGS.map(() => '---')), ...rows.map((r) => line(cells(r)))].join('\n');
}

export interface RunFacts {
  date: Date;
  machine: string;
  totalMs: number;
}

function tableBlock(rows: BenchRow[], facts: RunFacts): string {
  const totalSeconds = Math.round(facts.totalMs / 1000);
  const took = `${Math.floor(totalSeconds / 60)} min ${totalSeconds % 60} s`;
  return [
    START,
    `Measured ${facts.date.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${facts.machine};`,
    `\`npm run bench\` took ${took}. Ratio: ours / raw.`,
    '',
    markdownTable(rows),
    END,
  ].join('\n');
}

const NEW_FILE = `# Benchmarks

\`npm run bench\` writes the table below (backend/bench/): the real server on loopback, a district
of 5,000 students, and beside each figure the bare library measured in the same run.

${START}
${END}
`;

/** Replaces the table between the markers, creating the file (or the markers) when missing. */
export function writeBenchmarksFile(rows: BenchRow[], facts: RunFacts, file = BENCHMARKS_FILE): void {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : NEW_FILE;
  const start = current.indexOf(START);
  const end = current.indexOf(END, start);
  const block = tableBlock(rows, facts);
  const next =
    start >= 0 && end >= 0
      ? `${current.slice(0, start)}${block}${current.slice(end + END.length)}`
      : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}
