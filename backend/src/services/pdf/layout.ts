/**
 * The one page layout every report shares: US Letter, a running header (organization and
 * school, report title, when and by whom it was generated), and a footer with the
 * confidentiality line and "Page x of y". The frame is drawn on every page in a final pass,
 * once the page count is known; content stays between CONTENT_TOP and CONTENT_BOTTOM.
 */
import type { jsPDF } from 'jspdf';

export const PAGE = { format: 'letter', width: 612, height: 792, margin: 40 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
export const CONTENT_TOP = 78;
export const CONTENT_BOTTOM = 722;

export type Rgb = [number, number, number];
export const COLORS = {
  text: [33, 37, 41] as Rgb,
  muted: [108, 117, 125] as Rgb,
  rule: [173, 181, 189] as Rgb,
  tableHead: [45, 62, 80] as Rgb,
  danger: [176, 28, 28] as Rgb,
  dangerTint: [253, 232, 232] as Rgb,
  warning: [150, 80, 0] as Rgb,
};

export const CONFIDENTIALITY_LINE =
  'CONFIDENTIAL — contains student health information protected by FERPA/HIPAA. ' +
  'Do not redisclose without authorization; store securely and shred when no longer needed.';

export const ALTERED_TEXT_NOTE =
  'Note: some characters could not be drawn in this font and are shown without accents or as "?". ' +
  'The electronic record holds the exact spelling.';

/** The header's strings, already made drawable by the writer. */
export interface PageFrame {
  organizationLine: string;
  title: string;
  generatedLine: string;
  /** Whether any text in the document was approximated: the footer then says so on every page. */
  textAltered: boolean;
}

const TITLE_SIZE = 14;

/** Cuts text to a width with an ellipsis; for one-line header fields only, never for record content. */
function fit(doc: jsPDF, text: string, maxWidth: number): string {
  if (doc.getTextWidth(text) <= maxWidth) return text;
  let cut = text;
  while (cut.length > 1 && doc.getTextWidth(`${cut}...`) > maxWidth) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}...`;
}

/** Whether the title fits the running header whole; if not, the writer also prints it in full on page 1. */
export function titleFitsHeader(doc: jsPDF, family: string, title: string): boolean {
  doc.setFont(family, 'bold');
  doc.setFontSize(TITLE_SIZE);
  return doc.getTextWidth(title) <= CONTENT_WIDTH;
}

/** Font, size and colour in one call: every text style change in the reports goes through here. */
export function setText(
  doc: jsPDF,
  family: string,
  style: 'normal' | 'bold',
  size: number,
  color: Rgb,
): void {
  doc.setFont(family, style);
  doc.setFontSize(size);
  doc.setTextColor(...color);
}

/** The frame's text as drawn: the same on every page, so measured and wrapped once per document. */
interface FrameText {
  generated: string;
  organization: string;
  title: string;
  alteredNote: string[] | null;
  confidentiality: string[];
}

function frameText(doc: jsPDF, family: string, frame: PageFrame): FrameText {
  setText(doc, family, 'normal', 8, COLORS.muted);
  const generated = fit(doc, frame.generatedLine, CONTENT_WIDTH * 0.5);
  // The organization and school take whatever width the generated-by line leaves.
  const organizationWidth = CONTENT_WIDTH - doc.getTextWidth(generated) - 16;
  setText(doc, family, 'bold', 9, COLORS.text);
  const organization = fit(doc, frame.organizationLine, organizationWidth);
  setText(doc, family, 'bold', TITLE_SIZE, COLORS.text);
  const title = fit(doc, frame.title, CONTENT_WIDTH);
  setText(doc, family, 'normal', 7, COLORS.warning);
  const alteredNote = frame.textAltered
    ? (doc.splitTextToSize(ALTERED_TEXT_NOTE, CONTENT_WIDTH) as string[])
    : null;
  const confidentiality = doc.splitTextToSize(CONFIDENTIALITY_LINE, CONTENT_WIDTH - 70) as string[];
  return { generated, organization, title, alteredNote, confidentiality };
}

function drawHeader(doc: jsPDF, family: string, text: FrameText): void {
  const right = PAGE.width - PAGE.margin;
  setText(doc, family, 'normal', 8, COLORS.muted);
  doc.text(text.generated, right, 30, { align: 'right' });
  setText(doc, family, 'bold', 9, COLORS.text);
  doc.text(text.organization, PAGE.margin, 30);
  setText(doc, family, 'bold', TITLE_SIZE, COLORS.text);
  doc.text(text.title, PAGE.margin, 52);
  doc.setDrawColor(...COLORS.rule);
  doc.setLineWidth(0.75);
  doc.line(PAGE.margin, 60, right, 60);
}

function drawFooter(doc: jsPDF, family: string, text: FrameText, page: number, pageCount: number): void {
  const right = PAGE.width - PAGE.margin;
  doc.setDrawColor(...COLORS.rule);
  doc.setLineWidth(0.5);
  doc.line(PAGE.margin, 734, right, 734);
  if (text.alteredNote) {
    setText(doc, family, 'normal', 7, COLORS.warning);
    doc.text(text.alteredNote, PAGE.margin, 743);
  }
  setText(doc, family, 'normal', 7, COLORS.muted);
  doc.text(text.confidentiality, PAGE.margin, 763);
  setText(doc, family, 'normal', 8, COLORS.text);
  doc.text(`Page ${page} of ${pageCount}`, right, 763, { align: 'right' });
}

export function drawPageFrames(doc: jsPDF, family: string, frame: PageFrame): void {
  const pageCount = doc.getNumberOfPages();
  const text = frameText(doc, family, frame);
  for (let page = 1; page <= pageCount; page += 1) {
    doc.setPage(page);
    drawHeader(doc, family, text);
    drawFooter(doc, family, text, page, pageCount);
  }
}
