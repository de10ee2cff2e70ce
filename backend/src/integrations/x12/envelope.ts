/**
 * The X12 envelopes around a transaction: ISA/IEA (interchange), GS/GE (functional group),
 * ST/SE (transaction set), with their control numbers and counts. Reading them back is
 * envelopeParser.ts.
 *
 * ISA is fixed width (106 characters with its terminator) because a reader finds the
 * delimiters by position in it: the element separator is character 4, the repetition
 * separator ISA11, the component separator ISA16 and the segment terminator the character
 * right after ISA16. Every other segment is variable length.
 */
import { X12BuildError } from './errors.js';
import {
  DEFAULT_X12_DELIMITERS,
  type X12Delimiters,
  type X12Segment,
  isSendable,
  serializeSegment,
  x12Segment,
} from './segments.js';

export interface InterchangeOptions {
  /** ISA06/ISA08, at most 15 characters, and their qualifiers (ISA05/ISA07, 'ZZ' mutually defined). */
  senderId: string;
  senderQualifier?: string;
  receiverId: string;
  receiverQualifier?: string;
  /** ISA13, 1..999999999, unique per interchange the sender sends. */
  controlNumber: number;
  /** ISA09/ISA10 and GS04/GS05, written in UTC. */
  createdAt: Date;
  /** ISA15: T test, P production. */
  usage: 'T' | 'P';
  /** ISA14: ask for a TA1 interchange acknowledgment. */
  acknowledgmentRequested?: boolean;
}

export interface GroupOptions {
  /** GS01: HS for a 270, HB for a 271. */
  functionalId: string;
  /** GS02/GS03, 2 to 15 characters. */
  applicationSenderCode: string;
  applicationReceiverCode: string;
  /** GS06, 1..999999999. */
  controlNumber: number;
  /** GS08 and ST03, e.g. 005010X279A1. */
  version: string;
}

export interface TransactionInput {
  /** ST01, e.g. 270. */
  setId: string;
  /** ST02/SE02, 4 to 9 digits, unique within the group. */
  controlNumber: string;
  /** The segments between ST and SE. */
  segments: readonly X12Segment[];
}

export interface InterchangeInput {
  interchange: InterchangeOptions;
  group: GroupOptions;
  transactions: readonly TransactionInput[];
}

const MAX_CONTROL_NUMBER = 999_999_999;

function requireControlNumber(n: number, label: string): number {
  if (!Number.isInteger(n) || n < 1 || n > MAX_CONTROL_NUMBER) {
    throw new X12BuildError(`${label} must be an integer from 1 to 999999999`);
  }
  return n;
}

/** A fixed-width ISA element: left aligned, space padded, refused when too long. */
function fixed(value: string, width: number, label: string, d: X12Delimiters): string {
  if (value.length === 0 || value.length > width || !isSendable(value, d)) {
    throw new X12BuildError(`${label} must be 1 to ${width} printable characters and no delimiter`);
  }
  return value.padEnd(width, ' ');
}

function utcParts(at: Date): { ccyymmdd: string; hhmm: string } {
  if (Number.isNaN(at.getTime())) throw new X12BuildError('interchange.createdAt must be a valid date');
  const iso = at.toISOString();
  return { ccyymmdd: iso.slice(0, 10).replace(/-/g, ''), hhmm: iso.slice(11, 16).replace(':', '') };
}

/** The ISA segment, exactly 106 characters with its terminator. */
export function buildIsa(options: InterchangeOptions, d: X12Delimiters = DEFAULT_X12_DELIMITERS): string {
  const { ccyymmdd, hhmm } = utcParts(options.createdAt);
  const control = requireControlNumber(options.controlNumber, 'interchange.controlNumber (ISA13)');
  if (options.usage !== 'T' && options.usage !== 'P')
    throw new X12BuildError('interchange.usage must be T or P (ISA15)');
  const elements = [
    '00',
    ' '.repeat(10),
    '00',
    ' '.repeat(10),
    fixed(options.senderQualifier ?? 'ZZ', 2, 'interchange.senderQualifier (ISA05)', d),
    fixed(options.senderId, 15, 'interchange.senderId (ISA06)', d),
    fixed(options.receiverQualifier ?? 'ZZ', 2, 'interchange.receiverQualifier (ISA07)', d),
    fixed(options.receiverId, 15, 'interchange.receiverId (ISA08)', d),
    ccyymmdd.slice(2),
    hhmm,
    d.repetition,
    '00501',
    String(control).padStart(9, '0'),
    options.acknowledgmentRequested ? '1' : '0',
    options.usage,
    d.component,
  ];
  return ['ISA', ...elements].join(d.element) + d.segment;
}

/** A whole interchange: ISA, one GS group of transactions with their ST/SE, GE, IEA. */
export function buildInterchange(input: InterchangeInput, d: X12Delimiters = DEFAULT_X12_DELIMITERS): string {
  const { interchange, group, transactions } = input;
  const { ccyymmdd, hhmm } = utcParts(interchange.createdAt);
  const groupControl = String(requireControlNumber(group.controlNumber, 'group.controlNumber (GS06)'));
  for (const code of [group.applicationSenderCode, group.applicationReceiverCode]) {
    if (code.length < 2 || code.length > 15)
      throw new X12BuildError('GS02 and GS03 must be 2 to 15 characters');
  }
  const sets = transactions.map((t) => {
    if (!/^\d{4,9}$/.test(t.controlNumber))
      throw new X12BuildError('A transaction control number (ST02) must be 4 to 9 digits');
    const st = x12Segment('ST', t.setId, t.controlNumber, group.version);
    // SE01 counts every segment of the set, ST and SE included.
    const se = x12Segment('SE', String(t.segments.length + 2), t.controlNumber);
    return [st, ...t.segments, se].map((s) => serializeSegment(s, d)).join('');
  });
  const gs = x12Segment(
    'GS',
    group.functionalId,
    group.applicationSenderCode,
    group.applicationReceiverCode,
    ccyymmdd,
    hhmm,
    groupControl,
    'X',
    group.version,
  );
  const ge = x12Segment('GE', String(transactions.length), groupControl);
  const iea = x12Segment('IEA', '1', String(interchange.controlNumber).padStart(9, '0'));
  return (
    buildIsa(interchange, d) +
    serializeSegment(gs, d) +
    sets.join('') +
    serializeSegment(ge, d) +
    serializeSegment(iea, d)
  );
}
