/**
 * Text as the report's font can draw it. A character the font lacks would otherwise print as
 * an empty box or vanish, silently changing a name on a health record. Instead it becomes,
 * in order of preference: itself; its letters without accents ("ğ" -> "g", "Ł" -> "L");
 * or a visible "?". Any change is reported so the page can say so (layout.ts prints the note).
 */

export const UNDRAWABLE = '?';

/** Letters with a stroke or bar have no Unicode decomposition; their plain base letters. */
const BASE_LETTERS: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  Ø: 'O',
  ø: 'o',
  ı: 'i',
  Ŧ: 'T',
  ŧ: 't',
  ß: 'ss',
  Æ: 'AE',
  æ: 'ae',
  Œ: 'OE',
  œ: 'oe',
};

const COMBINING_MARK = /\p{M}/gu;

export interface DrawableText {
  text: string;
  /** True when any character was approximated or replaced. */
  altered: boolean;
}

function approximate(char: string, canDraw: (cp: number) => boolean): string | null {
  const drawsAll = (s: string) => s.length > 0 && [...s].every((c) => canDraw(c.codePointAt(0)!));
  const stripped = char.normalize('NFKD').replace(COMBINING_MARK, '');
  if (drawsAll(stripped)) return stripped;
  const base = BASE_LETTERS[char];
  return base !== undefined && drawsAll(base) ? base : null;
}

export function drawableText(input: string, canDraw: (cp: number) => boolean): DrawableText {
  let altered = false;
  let out = '';
  // NFC first, so "e" + combining acute uses the font's precomposed "é".
  for (const char of input.normalize('NFC')) {
    const cp = char.codePointAt(0)!;
    if (char === '\n') out += char;
    else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
      out += ' '; // tabs, CR and other controls
    else if (canDraw(cp)) out += char;
    else if (/\p{Cf}/u.test(char))
      continue; // zero-width and other invisible format characters
    else if (/\p{M}/u.test(char))
      altered = true; // a stray accent the font lacks: drop it
    else {
      altered = true;
      out += approximate(char, canDraw) ?? UNDRAWABLE;
    }
  }
  return { text: out, altered };
}

/** Whether every string anywhere in `value` (objects, arrays) can be drawn as it is. */
export function everyStringDrawable(value: unknown, canDraw: (cp: number) => boolean): boolean {
  if (typeof value === 'string') {
    for (const char of value.normalize('NFC')) {
      const cp = char.codePointAt(0)!;
      if (cp >= 0x20 && !canDraw(cp)) return false;
    }
    return true;
  }
  if (Array.isArray(value)) return value.every((item) => everyStringDrawable(item, canDraw));
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    return Object.values(value).every((item) => everyStringDrawable(item, canDraw));
  }
  return true;
}
