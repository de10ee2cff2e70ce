/**
 * X12 segments: an id and its elements, numbered as the standard numbers them (`elements[0]`
 * is NM101). An element is a simple value, a composite (its components) or a repetition.
 *
 * X12 has no escape sequence, so a delimiter can never appear inside a value. This layer's
 * rule: serializeSegment REFUSES (X12BuildError) any value holding a delimiter or a line
 * break, because for an identifier (member id, NPI, control number) a silently changed
 * character asks about someone else. Free text that is only matched loosely (names) is
 * passed through cleanText first by the builders: accents are folded to ASCII, delimiters
 * and anything outside printable ASCII (X12's extended character set) become a space,
 * spaces are collapsed. "O'Brien*Smith" is sent as "O'Brien Smith".
 */
import { X12BuildError } from './errors.js';

export interface X12Delimiters {
  readonly element: string;
  readonly component: string;
  /** ISA11; '' for interchanges older than 5010, which had none. */
  readonly repetition: string;
  readonly segment: string;
}

/** The delimiters this platform sends (005010 conventions). */
export const DEFAULT_X12_DELIMITERS: X12Delimiters = Object.freeze({
  element: '*',
  component: ':',
  repetition: '^',
  segment: '~',
});

/** A simple value, or a composite's components (e.g. EQ02 ['HC', '99213']). */
export type X12Value = string | readonly string[];
export interface RepeatedElement {
  readonly repeat: readonly X12Value[];
}
/** null, undefined and '' are an empty element. */
export type X12Element = X12Value | RepeatedElement | null | undefined;

export interface X12Segment {
  readonly id: string;
  readonly elements: readonly X12Element[];
}

export function x12Segment(id: string, ...elements: X12Element[]): X12Segment {
  return { id, elements };
}

function delimiterList(d: X12Delimiters): string[] {
  return [d.element, d.component, d.repetition, d.segment].filter((c) => c !== '');
}

/** Free text made safe to send; see the file comment for the rule. */
export function cleanText(value: string, d: X12Delimiters = DEFAULT_X12_DELIMITERS): string {
  const delimiters = delimiterList(d);
  const folded = value.normalize('NFD').replace(/\p{M}/gu, '');
  let out = '';
  for (const ch of folded) {
    const printable = ch >= ' ' && ch <= '~';
    out += printable && !delimiters.includes(ch) ? ch : ' ';
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

/** True when the value can be sent as is: printable ASCII and no delimiter. */
export function isSendable(value: string, d: X12Delimiters = DEFAULT_X12_DELIMITERS): boolean {
  const delimiters = delimiterList(d);
  return [...value].every((ch) => ch >= ' ' && ch <= '~' && !delimiters.includes(ch));
}

const SEGMENT_ID = /^[A-Z][A-Z0-9]{1,2}$/;

/** A segment with its terminator; trailing empty elements and components are left out. */
export function serializeSegment(s: X12Segment, d: X12Delimiters = DEFAULT_X12_DELIMITERS): string {
  if (!SEGMENT_ID.test(s.id)) throw new X12BuildError('A segment id must be two or three capitals or digits');
  const written = s.elements.map((e, i) =>
    serializeElement(e, `${s.id}${String(i + 1).padStart(2, '0')}`, d),
  );
  return trimEnd([s.id, ...written], d.element) + d.segment;
}

function serializeElement(e: X12Element, position: string, d: X12Delimiters): string {
  if (e === null || e === undefined) return '';
  if (typeof e === 'object' && 'repeat' in e) {
    if (d.repetition === '')
      throw new X12BuildError(`${position} repeats, but no repetition separator is set`);
    const occurrences = e.repeat.map((v) => serializeValue(v, position, d));
    return trimEnd(occurrences, d.repetition);
  }
  return serializeValue(e as X12Value, position, d);
}

function serializeValue(v: X12Value, position: string, d: X12Delimiters): string {
  const parts = typeof v === 'string' ? [v] : [...v];
  for (const part of parts) {
    if (!isSendable(part, d)) {
      throw new X12BuildError(
        `${position} holds a delimiter or a character outside printable ASCII, which X12 cannot carry`,
      );
    }
  }
  return trimEnd(parts, d.component);
}

function trimEnd(parts: string[], separator: string): string {
  let end = parts.length;
  while (end > 0 && parts[end - 1] === '') end -= 1;
  return parts.slice(0, end).join(separator);
}

/** A parsed segment: each element's repetitions, each a list of components. */
export interface ParsedX12Segment {
  readonly id: string;
  readonly elements: readonly (readonly (readonly string[])[])[];
}

/**
 * Splits an interchange into segments. Line breaks after a terminator (a common courtesy
 * for humans) are ignored. ISA is kept whole per element: ISA11 and ISA16 are delimiters.
 */
export function parseSegments(text: string, d: X12Delimiters): ParsedX12Segment[] {
  return text
    .split(d.segment)
    .map((raw) => raw.replace(/^[\r\n]+|[\r\n]+$/g, ''))
    .filter((raw) => raw.trim() !== '')
    .map((raw) => parseSegment(raw, d));
}

function parseSegment(raw: string, d: X12Delimiters): ParsedX12Segment {
  const [id = '', ...elements] = raw.split(d.element);
  if (id === 'ISA') return { id, elements: elements.map((e) => [[e]]) };
  return {
    id: id.trim(),
    elements: elements.map((e) =>
      (d.repetition === '' ? [e] : e.split(d.repetition)).map((rep) => rep.split(d.component)),
    ),
  };
}

/** The value of element n (1-based), component c of its first repetition; '' when absent. */
export function element(s: ParsedX12Segment | undefined, n: number, component = 1): string {
  return s?.elements[n - 1]?.[0]?.[component - 1] ?? '';
}

/** The first component of each repetition of element n, empty ones left out. */
export function elementRepetitions(s: ParsedX12Segment | undefined, n: number): string[] {
  return (s?.elements[n - 1] ?? []).map((rep) => rep[0] ?? '').filter((v) => v !== '');
}
