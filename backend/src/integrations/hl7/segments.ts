/**
 * A tiny HL7 v2 message model. A message is a list of segments; a segment is its name and
 * its fields, numbered as the standard numbers them (`fields[0]` is field 1, so PID-5 is
 * `fields[4]`; for MSH, MSH-1 and MSH-2 are the delimiters and are written from them).
 * Building uses a friendly shape (a string, a list of components, `{ repeat }`); parsing
 * gives a regular shape (repetitions of components of subcomponents) and accessors.
 */
import {
  DEFAULT_DELIMITERS,
  type Delimiters,
  encodingCharacters,
  escapeText,
  readDelimiters,
  unescapeText,
} from './encoding.js';
import { Hl7BuildError, Hl7ParseError } from './errors.js';

/** A component: its text, or its subcomponents. */
export type Component = string | readonly string[];
/** One occurrence of a field: its text (a single component), or its components. */
export type FieldValue = string | readonly Component[];
/** A repeating field, e.g. PID-3 with several identifiers. */
export interface RepeatedField {
  readonly repeat: readonly FieldValue[];
}
/** null, undefined and '' are an empty field. */
export type Field = FieldValue | RepeatedField | null | undefined;

export interface Segment {
  readonly name: string;
  readonly fields: readonly Field[];
}
export type Message = readonly Segment[];

/** Builds a segment from fields keyed by their number: `segment('PID', { 1: '1', 5: [...] })`. */
export function segment(name: string, fields: Readonly<Record<number, Field>>): Segment {
  const numbers = Object.keys(fields).map(Number);
  const list: Field[] = Array.from({ length: Math.max(0, ...numbers) }, () => undefined);
  for (const n of numbers) list[n - 1] = fields[n];
  return { name, fields: list };
}

const SEGMENT_NAME = /^[A-Z][A-Z0-9]{2}$/;

/** Writes a message: segments end with a carriage return, trailing empty parts are left out. */
export function serialize(message: Message, d: Delimiters = DEFAULT_DELIMITERS): string {
  return message.map((s) => serializeSegment(s, d) + '\r').join('');
}

function serializeSegment(s: Segment, d: Delimiters): string {
  if (!SEGMENT_NAME.test(s.name)) throw new Hl7BuildError('A segment name must be three capitals or digits');
  if (s.name === 'MSH') {
    // MSH-1 is the field separator itself, so MSH-2 (never escaped) is the first value after "MSH|".
    const rest = s.fields.slice(2).map((f) => serializeField(f, d));
    return trimEnd(['MSH', encodingCharacters(d), ...rest], d.field);
  }
  return trimEnd([s.name, ...s.fields.map((f) => serializeField(f, d))], d.field);
}

function serializeField(field: Field, d: Delimiters): string {
  if (field === null || field === undefined) return '';
  if (typeof field === 'object' && 'repeat' in field) {
    const occurrences = field.repeat.map((value) => serializeValue(value, d));
    return trimEnd(occurrences, d.repetition);
  }
  return serializeValue(field as FieldValue, d);
}

function serializeValue(value: FieldValue, d: Delimiters): string {
  if (typeof value === 'string') return escapeText(value, d);
  const components = value.map((c) => {
    if (typeof c === 'string') return escapeText(c, d);
    const subcomponents = c.map((sub) => escapeText(sub, d));
    return trimEnd(subcomponents, d.subcomponent);
  });
  return trimEnd(components, d.component);
}

function trimEnd(parts: string[], separator: string): string {
  let end = parts.length;
  while (end > 0 && parts[end - 1] === '') end -= 1;
  return parts.slice(0, end).join(separator);
}

/** A parsed field: its repetitions, each a list of components, each a list of subcomponents. */
export type ParsedField = readonly (readonly (readonly string[])[])[];
export interface ParsedSegment {
  readonly name: string;
  /** `fields[0]` is field 1; every text is unescaped. */
  readonly fields: readonly ParsedField[];
}
export type ParsedMessage = readonly ParsedSegment[];

/**
 * Reads a message. Segments may end in \r (the standard), \n or \r\n, an MLLP frame and
 * blank lines are ignored, and the delimiters come from MSH-1/MSH-2.
 */
export function parse(text: string): ParsedMessage {
  const body = stripFraming(text);
  const d = readDelimiters(body);
  const lines = body.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
  return lines.map((line, index) => parseSegment(line, index + 1, d));
}

/** MLLP wraps a message in VT ... FS CR; a file may start with a byte-order mark. */
const FRAMING = new Set(['\uFEFF', '\u000b', '\u001c']);

function stripFraming(text: string): string {
  let start = 0;
  let end = text.length;
  const isFraming = (ch: string): boolean => FRAMING.has(ch) || ch.trim() === '';
  while (start < end && isFraming(text.charAt(start))) start += 1;
  while (end > start && isFraming(text.charAt(end - 1))) end -= 1;
  return text.slice(start, end);
}

function parseSegment(line: string, lineNumber: number, d: Delimiters): ParsedSegment {
  const parts = line.split(d.field);
  const name = parts[0] ?? '';
  if (!SEGMENT_NAME.test(name)) throw new Hl7ParseError(`Segment ${lineNumber} has no valid segment name`);
  if (name === 'MSH' || name === 'FHS' || name === 'BHS') {
    const encoding = parts[1] ?? '';
    return {
      name,
      fields: [[[[d.field]]], [[[encoding]]], ...parts.slice(2).map((f) => parseField(f, d))],
    };
  }
  return { name, fields: parts.slice(1).map((f) => parseField(f, d)) };
}

function parseField(raw: string, d: Delimiters): ParsedField {
  return raw
    .split(d.repetition)
    .map((rep) => rep.split(d.component).map((c) => c.split(d.subcomponent).map((s) => unescapeText(s, d))));
}

/** The text at field[.component[.subcomponent]] of the first repetition; '' when absent. */
export function value(s: ParsedSegment | undefined, field: number, component = 1, subcomponent = 1): string {
  return s?.fields[field - 1]?.[0]?.[component - 1]?.[subcomponent - 1] ?? '';
}

/** Each repetition of a field as its list of components (first subcomponent of each). */
export function repetitions(s: ParsedSegment | undefined, field: number): string[][] {
  const parsed = s?.fields[field - 1] ?? [];
  return parsed
    .map((rep) => rep.map((c) => c[0] ?? ''))
    .filter((components) => components.some((c) => c !== ''));
}

export function findSegments(message: ParsedMessage, name: string): ParsedSegment[] {
  return message.filter((s) => s.name === name);
}

export function findSegment(message: ParsedMessage, name: string): ParsedSegment | undefined {
  return message.find((s) => s.name === name);
}
