/**
 * HL7 v2 delimiters and escaping. A message declares its own delimiters in MSH-1 (the field
 * separator) and MSH-2 (component, repetition, escape, subcomponent), so a reader must take
 * them from the message instead of assuming `|^~\&`.
 *
 * Escaping (HL7 v2.5.1 section 2.7): a delimiter inside a value is written as an escape
 * sequence between two escape characters: \F\ field, \S\ component, \R\ repetition,
 * \E\ escape, \T\ subcomponent. A line break becomes \.br\ so a value can never end a segment.
 * Other sequences (\X..\ hex data, \Z..\ locally defined, \H\ \N\ highlighting, \C..\ \M..\
 * character sets, other formatting commands) are dropped when reading: hex data could smuggle
 * delimiters or control characters into a value, and the rest is presentation only.
 */
import { Hl7ParseError } from './errors.js';

export interface Delimiters {
  readonly field: string;
  readonly component: string;
  readonly repetition: string;
  readonly escape: string;
  readonly subcomponent: string;
}

export const DEFAULT_DELIMITERS: Delimiters = Object.freeze({
  field: '|',
  component: '^',
  repetition: '~',
  escape: '\\',
  subcomponent: '&',
});

/** MSH-2: the four encoding characters in their standard order. */
export function encodingCharacters(d: Delimiters): string {
  return d.component + d.repetition + d.escape + d.subcomponent;
}

/** Segment names that carry delimiters in their first two fields. */
const HEADER_SEGMENTS = ['MSH', 'FHS', 'BHS'];

/** Reads the delimiters from the header segment a message (or batch) starts with. */
export function readDelimiters(header: string): Delimiters {
  if (!HEADER_SEGMENTS.includes(header.slice(0, 3))) {
    throw new Hl7ParseError('The message does not start with an MSH segment');
  }
  const field = header.charAt(3);
  const end = header.indexOf(field, 4);
  const chars = end === -1 ? header.slice(4) : header.slice(4, end);
  // v2.7 adds a fifth (truncation) character; a 2.5.1 reader ignores it.
  if (chars.length < 4 || chars.length > 5) {
    throw new Hl7ParseError('MSH-2 must hold the four encoding characters');
  }
  const delimiters: Delimiters = {
    field,
    component: chars.charAt(0),
    repetition: chars.charAt(1),
    escape: chars.charAt(2),
    subcomponent: chars.charAt(3),
  };
  assertUsableDelimiters(delimiters);
  return delimiters;
}

/** Delimiters must be five distinct punctuation characters, or nothing parses unambiguously. */
export function assertUsableDelimiters(d: Delimiters): void {
  const all = [d.field, d.component, d.repetition, d.escape, d.subcomponent];
  const usable = all.every((c) => c.length === 1 && !/[\p{L}\p{N}\s]/u.test(c));
  if (!usable || new Set(all).size !== all.length) {
    throw new Hl7ParseError('MSH-1 and MSH-2 must be five distinct punctuation characters');
  }
}

/** Escapes one value (a component or subcomponent) for the given delimiters. */
export function escapeText(value: string, d: Delimiters = DEFAULT_DELIMITERS): string {
  const sequences = new Map<string, string>([
    [d.escape, 'E'],
    [d.field, 'F'],
    [d.component, 'S'],
    [d.repetition, 'R'],
    [d.subcomponent, 'T'],
    ['\n', '.br'],
  ]);
  let out = '';
  for (const ch of value.replace(/\r\n?/g, '\n')) {
    const code = sequences.get(ch);
    out += code === undefined ? ch : d.escape + code + d.escape;
  }
  return out;
}

/** Reverses escapeText; unknown or unsafe sequences are dropped (see the file comment). */
export function unescapeText(value: string, d: Delimiters = DEFAULT_DELIMITERS): string {
  if (!value.includes(d.escape)) return value;
  let out = '';
  let i = 0;
  while (i < value.length) {
    const ch = value.charAt(i);
    const close = ch === d.escape ? value.indexOf(d.escape, i + 1) : -1;
    if (close === -1) {
      // An ordinary character, or an escape character never closed: kept as written.
      out += ch;
      i += 1;
      continue;
    }
    out += decodeSequence(value.slice(i + 1, close), d);
    i = close + 1;
  }
  return out;
}

function decodeSequence(sequence: string, d: Delimiters): string {
  switch (sequence) {
    case 'F':
      return d.field;
    case 'S':
      return d.component;
    case 'R':
      return d.repetition;
    case 'E':
      return d.escape;
    case 'T':
      return d.subcomponent;
    case '.br':
      return '\n';
    default:
      return '';
  }
}
