/**
 * Writes a report's content top to bottom inside the shared layout: headings, wrapped
 * paragraphs, label/value fields, tables (jspdf-autotable: they break across pages and
 * repeat their header row), a highlighted alert box and signature lines. Every string goes
 * through drawableText, so templates never hand the font a character it cannot draw.
 */
import { jsPDF } from 'jspdf';
import { autoTable, type CellHookData, type Styles } from 'jspdf-autotable';
import { drawableText } from './drawableText.js';
import type { FontFace } from './fonts.js';
import { formatDateTime, humanize, toDate } from './format.js';
import {
  COLORS,
  CONTENT_BOTTOM,
  CONTENT_TOP,
  CONTENT_WIDTH,
  PAGE,
  drawPageFrames,
  setText,
  titleFitsHeader,
  type Rgb,
} from './layout.js';
import type { CustomCell, ReportContext } from './types.js';

export type Cell = CustomCell | undefined;

export interface TableSpec {
  head: string[];
  rows: Cell[][];
  /** Rows to set apart in bold on a red tint (e.g. life-threatening allergies). */
  emphasize?: (rowIndex: number) => boolean;
  /** Fixed widths in points by column index; the others share what is left. */
  widths?: Record<number, number>;
  /** Printed instead of an empty table. */
  empty?: string;
}

interface ParagraphOptions {
  size?: number;
  bold?: boolean;
  color?: Rgb;
  indent?: number;
}

const BODY_SIZE = 9.5;
const LINE_FACTOR = 1.3;
const TABLE_MARGIN = {
  top: CONTENT_TOP,
  bottom: PAGE.height - CONTENT_BOTTOM,
  left: PAGE.margin,
  right: PAGE.margin,
};
const latin1 = (cp: number) => (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff);

/** A cell as printed: a dash for nothing, Yes/No for booleans. */
function cellText(value: Cell): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
}

/**
 * jspdf-autotable asks for the document's font list before styling every cell (about 500
 * times for a health summary) and jsPDF builds a new one each time: with the garbage, over a
 * tenth of a summary's render. Every font is registered before the first table, so the list
 * is built once per document.
 */
function cacheFontList(doc: jsPDF): void {
  const fonts = doc.getFontList();
  doc.getFontList = () => fonts;
}

export class ReportWriter {
  private readonly doc: jsPDF;
  private y = CONTENT_TOP;
  private altered = false;

  constructor(
    private readonly face: FontFace,
    private readonly context: ReportContext,
    private readonly title: string,
  ) {
    this.doc = new jsPDF({ unit: 'pt', format: PAGE.format, compress: true });
    face.register(this.doc);
    cacheFontList(this.doc);
    this.doc.setFont(face.family, 'normal');
    // The title names the kind of report only; no student data goes into the metadata.
    this.doc.setProperties({ title: drawableText(title, latin1).text, creator: 'White Cross' });
    this.doc.setCreationDate(toDate(context.generatedAt));
    // The running header cuts a long title short; the first page then carries it whole.
    if (!titleFitsHeader(this.doc, face.family, this.drawable(title))) {
      this.paragraph(title, { size: 12, bold: true });
      this.gap(4);
    }
  }

  /** The text as the font can draw it; remembers whether anything had to change. */
  drawable(value: Cell): string {
    const result = drawableText(cellText(value), (cp) => this.face.canDraw(cp));
    if (result.altered) this.altered = true;
    return result.text;
  }

  gap(points: number): void {
    this.y += points;
  }

  private newPage(): void {
    this.doc.addPage();
    this.y = CONTENT_TOP;
  }

  /** Starts a new page unless `height` still fits on this one. */
  private keepTogether(height: number): void {
    if (this.y + height > CONTENT_BOTTOM) this.newPage();
  }

  paragraph(text: Cell, options: ParagraphOptions = {}): void {
    const { size = BODY_SIZE, bold = false, color = COLORS.text, indent = 0 } = options;
    const doc = this.doc;
    setText(doc, this.face.family, bold ? 'bold' : 'normal', size, color);
    const lineHeight = size * LINE_FACTOR;
    const lines = doc.splitTextToSize(this.drawable(text), CONTENT_WIDTH - indent) as string[];
    for (const line of lines) {
      this.keepTogether(lineHeight);
      doc.text(line, PAGE.margin + indent, this.y, { baseline: 'top' });
      this.y += lineHeight;
    }
  }

  /** A section heading, kept on the same page as the first lines below it. */
  heading(text: string): void {
    if (this.y > CONTENT_TOP) this.gap(8);
    this.keepTogether(60);
    this.paragraph(text, { size: 12, bold: true, color: COLORS.tableHead });
    this.gap(3);
  }

  /** A label/value list (demographics, incident facts), wrapped and page-broken like a table. */
  fields(pairs: Array<[string, Cell]>): void {
    this.runTable({
      theme: 'plain',
      body: pairs.map(([label, value]) => [this.drawable(label), this.drawable(value)]),
      styles: {
        fontSize: BODY_SIZE,
        lineWidth: 0,
        cellPadding: { top: 1.5, bottom: 1.5, left: 0, right: 6 },
      },
      columnStyles: { 0: { cellWidth: 120, fontStyle: 'bold', textColor: COLORS.muted } },
    });
  }

  table(spec: TableSpec): void {
    if (spec.rows.length === 0) {
      this.paragraph(spec.empty ?? 'None recorded.', { color: COLORS.muted });
      this.gap(4);
      return;
    }
    const emphasize = spec.emphasize;
    this.runTable({
      theme: 'grid',
      head: [spec.head.map((h) => this.drawable(h))],
      body: spec.rows.map((row) => row.map((cell) => this.drawable(cell))),
      columnStyles: Object.fromEntries(
        Object.entries(spec.widths ?? {}).map(([index, width]) => [index, { cellWidth: width }]),
      ),
      didParseCell: emphasize
        ? (data) => {
            if (data.section !== 'body' || !emphasize(data.row.index)) return;
            Object.assign(data.cell.styles, {
              fillColor: COLORS.dangerTint,
              textColor: COLORS.danger,
              fontStyle: 'bold',
            } satisfies Partial<Styles>);
          }
        : undefined,
    });
  }

  /** A red box for what could kill the child; one row per line so long lists still break cleanly. */
  alertBox(title: string, lines: string[]): void {
    this.runTable({
      theme: 'grid',
      head: [[this.drawable(title)]],
      body: lines.map((line) => [this.drawable(line)]),
      styles: { lineColor: COLORS.danger, lineWidth: 1 },
      headStyles: { fillColor: COLORS.danger, fontSize: 11 },
      bodyStyles: { fillColor: COLORS.dangerTint, textColor: COLORS.danger, fontStyle: 'bold' },
    });
  }

  /** A titled block of lines to sign by hand, each with a date beside it, kept on one page. */
  signatures(title: string, labels: string[]): void {
    const doc = this.doc;
    const lineHeight = 34;
    this.keepTogether(30 + labels.length * lineHeight);
    this.heading(title);
    for (const label of labels) {
      const lineY = this.y + 20;
      doc.setDrawColor(...COLORS.text).setLineWidth(0.6);
      doc.line(PAGE.margin, lineY, PAGE.margin + 300, lineY);
      doc.line(PAGE.margin + 340, lineY, PAGE.width - PAGE.margin, lineY);
      setText(doc, this.face.family, 'normal', 8, COLORS.muted);
      doc.text(this.drawable(label), PAGE.margin, lineY + 4, { baseline: 'top' });
      doc.text('Date', PAGE.margin + 340, lineY + 4, { baseline: 'top' });
      this.y += lineHeight;
    }
  }

  private runTable(options: {
    theme: 'grid' | 'plain';
    head?: string[][];
    body: string[][];
    styles?: Partial<Styles>;
    headStyles?: Partial<Styles>;
    bodyStyles?: Partial<Styles>;
    columnStyles?: Record<string, Partial<Styles>>;
    didParseCell?: (data: CellHookData) => void;
  }): void {
    let finalY = this.y;
    autoTable(this.doc, {
      ...options,
      startY: this.y,
      margin: TABLE_MARGIN,
      showHead: 'everyPage',
      // A row moves to the next page whole rather than being cut, unless it is taller than a page.
      rowPageBreak: 'avoid',
      styles: {
        font: this.face.family,
        fontSize: 8.5,
        cellPadding: 3,
        overflow: 'linebreak',
        valign: 'top',
        textColor: COLORS.text,
        lineColor: COLORS.rule,
        lineWidth: 0.4,
        ...options.styles,
      },
      headStyles: { fontStyle: 'bold', fillColor: COLORS.tableHead, textColor: 255, ...options.headStyles },
      alternateRowStyles: options.theme === 'grid' ? { fillColor: [246, 248, 250] } : {},
      didDrawPage: (data) => {
        if (data.cursor) finalY = data.cursor.y;
      },
    });
    this.y = finalY + 10;
  }

  /** Draws header and footer on every page and returns the file. */
  finish(): Buffer {
    const { organization, school, generatedBy, generatedAt, timeZone } = this.context;
    const role = generatedBy.role ? ` (${humanize(generatedBy.role)})` : '';
    const frame = {
      organizationLine: this.drawable(
        school?.name ? `${organization.name} · ${school.name}` : organization.name,
      ),
      title: this.drawable(this.title),
      generatedLine: this.drawable(
        `Generated ${formatDateTime(generatedAt, timeZone)} by ${generatedBy.name}${role}`,
      ),
    };
    drawPageFrames(this.doc, this.face.family, { ...frame, textAltered: this.altered });
    return Buffer.from(this.doc.output('arraybuffer'));
  }
}
