/**
 * The typefaces the reports are set in, and which characters each can draw.
 *
 * jsPDF's standard fonts (Helvetica) are WinAnsi only, so "Łukasz" or "Ağça" would come out
 * garbled. The embedded face is DejaVu Sans Condensed (fonts/, Bitstream Vera licence, see
 * fonts/LICENSE), cut down to the Latin, Greek, Cyrillic, Armenian and Georgian alphabets
 * without hinting or OpenType layout: jsPDF parses and re-subsets the TTF for every document,
 * and the full 700 KB files made that ~6x slower and each PDF ~100 KB. It still costs more
 * than Helvetica, so `auto` embeds it only for documents whose text Helvetica cannot draw.
 * Neither has CJK, Arabic or Hebrew (jsPDF does not lay out right-to-left text); whatever a
 * face cannot draw is replaced visibly (drawableText.ts), never left as blank boxes.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { jsPDF } from 'jspdf';

/** `auto`: Helvetica unless the document's text needs DejaVu; `embedded`: always DejaVu; `standard`: never. */
export type FontChoice = 'auto' | 'embedded' | 'standard';

export interface FontFace {
  /** The family name for jsPDF and jspdf-autotable (`styles.font`). */
  readonly family: string;
  /** Adds the face to a new document (normal and bold). */
  register(doc: jsPDF): void;
  canDraw(codePoint: number): boolean;
}

const EMBEDDED_FAMILY = 'DejaVuSansCondensed';
const EMBEDDED_FILES = {
  normal: 'DejaVuSansCondensed-Subset.ttf',
  bold: 'DejaVuSansCondensed-Bold-Subset.ttf',
} as const;

// Windows-1252 beyond Latin-1: what jsPDF can encode for its standard fonts besides U+0020-7E, U+00A0-FF.
const WIN_ANSI_EXTRA = new Set([...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'].map((c) => c.codePointAt(0)!));

const standardFace: FontFace = {
  family: 'helvetica',
  register: () => undefined,
  canDraw: (cp) => (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff) || WIN_ANSI_EXTRA.has(cp),
};

function readFont(file: string): string {
  const path = fileURLToPath(new URL(`./fonts/${file}`, import.meta.url));
  try {
    return readFileSync(path).toString('base64');
  } catch (error) {
    // Fail when the service is built, not on a nurse's first download: the font ships beside this file.
    throw new Error(`PDF font ${file} not found at ${path}`, { cause: error });
  }
}

/** The Unicode code points a registered face maps to a glyph, read from jsPDF's parsed cmap. */
function codePointsOf(doc: jsPDF, style: 'normal' | 'bold'): Set<number> {
  doc.setFont(EMBEDDED_FAMILY, style);
  const codeMap: unknown = doc.getFont().metadata?.cmap?.unicode?.codeMap;
  if (typeof codeMap !== 'object' || codeMap === null) {
    throw new Error('jsPDF did not expose the embedded font cmap; the pinned jspdf version changed?');
  }
  return new Set(
    Object.entries(codeMap)
      .filter(([, glyph]) => glyph !== 0)
      .map(([code]) => Number(code)),
  );
}

function embeddedFace(): FontFace {
  const normal = readFont(EMBEDDED_FILES.normal);
  const bold = readFont(EMBEDDED_FILES.bold);
  const register = (doc: jsPDF) => {
    doc.addFileToVFS(EMBEDDED_FILES.normal, normal);
    doc.addFileToVFS(EMBEDDED_FILES.bold, bold);
    doc.addFont(EMBEDDED_FILES.normal, EMBEDDED_FAMILY, 'normal');
    doc.addFont(EMBEDDED_FILES.bold, EMBEDDED_FAMILY, 'bold');
  };
  const probe = new jsPDF();
  register(probe);
  // Text may be set in either weight, so only what both can draw counts as drawable.
  const boldCodes = codePointsOf(probe, 'bold');
  const drawable = new Set([...codePointsOf(probe, 'normal')].filter((cp) => boldCodes.has(cp)));
  return { family: EMBEDDED_FAMILY, register, canDraw: (cp) => drawable.has(cp) };
}

export function loadFontFace(kind: 'embedded' | 'standard'): FontFace {
  return kind === 'standard' ? standardFace : embeddedFace();
}
