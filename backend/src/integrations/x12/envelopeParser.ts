/**
 * Reads an X12 interchange and checks its envelopes (see envelope.ts for how they are
 * written). The delimiters come from the ISA segment: the element separator is its 4th
 * character, the repetition separator ISA11, the component separator ISA16 and the segment
 * terminator the character right after ISA16.
 */
import { X12ParseError } from './errors.js';
import { type ParsedX12Segment, type X12Delimiters, element, parseSegments } from './segments.js';

/** Reads the delimiters from the ISA segment the interchange starts with. */
export function readX12Delimiters(text: string): X12Delimiters {
  if (!text.startsWith('ISA')) throw new X12ParseError('The interchange does not start with an ISA segment');
  const elementSeparator = text.charAt(3);
  // ISA has 16 elements: after the 16th separator come ISA16 (one character) and the terminator.
  let at = 3;
  const starts: number[] = [];
  for (let n = 0; n < 16; n += 1) {
    at = text.indexOf(elementSeparator, at + (n === 0 ? 0 : 1));
    if (at === -1) throw new X12ParseError('The ISA segment is incomplete');
    starts.push(at + 1);
  }
  const component = text.charAt(at + 1);
  const segment = text.charAt(at + 2);
  const isa11 = text.slice(starts[10], (starts[11] ?? 0) - 1);
  // Before 5010, ISA11 was a standards id ('U'), not a repetition separator.
  const repetition = isa11.length === 1 && !/[A-Za-z0-9]/.test(isa11) ? isa11 : '';
  const delimiters = { element: elementSeparator, component, repetition, segment };
  const all = [elementSeparator, component, segment, repetition].filter((c) => c !== '');
  if (!component || !segment || new Set(all).size !== all.length || /[A-Za-z0-9 ]/.test(all.join(''))) {
    throw new X12ParseError('The ISA segment does not declare usable delimiters');
  }
  return delimiters;
}

export interface ParsedTransaction {
  setId: string;
  controlNumber: string;
  /** ST03, e.g. 005010X279A1. */
  version: string;
  /** The segments between ST and SE. */
  segments: ParsedX12Segment[];
}

export interface ParsedGroup {
  functionalId: string;
  controlNumber: string;
  version: string;
  transactions: ParsedTransaction[];
}

export interface ParsedInterchange {
  delimiters: X12Delimiters;
  senderId: string;
  receiverId: string;
  controlNumber: string;
  usage: string;
  groups: ParsedGroup[];
}

/**
 * Reads an interchange and checks its envelopes: every ST/GS/ISA is closed by its SE/GE/IEA
 * with the same control number and the right count, so a truncated message is refused.
 */
export function parseInterchange(text: string): ParsedInterchange {
  const body = text.replace(/^[\uFEFF\s]+/, '');
  const delimiters = readX12Delimiters(body);
  const segments = parseSegments(body, delimiters);
  const isa = segments[0];
  const interchange: ParsedInterchange = {
    delimiters,
    senderId: element(isa, 6).trim(),
    receiverId: element(isa, 8).trim(),
    controlNumber: element(isa, 13),
    usage: element(isa, 15),
    groups: [],
  };
  let group: ParsedGroup | undefined;
  let transaction: ParsedTransaction | undefined;
  let closed = false;
  for (const s of segments.slice(1)) {
    if (closed) throw new X12ParseError('Segments follow the IEA segment');
    if (transaction && s.id !== 'SE') {
      if (['ST', 'GS', 'GE', 'IEA'].includes(s.id))
        throw new X12ParseError(`A transaction set is not closed by SE`);
      transaction.segments.push(s);
    } else if (s.id === 'GS') {
      if (group) throw new X12ParseError('A functional group is not closed by GE');
      group = {
        functionalId: element(s, 1),
        controlNumber: element(s, 6),
        version: element(s, 8),
        transactions: [],
      };
    } else if (s.id === 'ST') {
      if (!group) throw new X12ParseError('A transaction set starts outside a functional group');
      transaction = {
        setId: element(s, 1),
        controlNumber: element(s, 2),
        version: element(s, 3),
        segments: [],
      };
    } else if (s.id === 'SE' && transaction && group) {
      checkCount(element(s, 1), transaction.segments.length + 2, 'SE01');
      checkSame(element(s, 2), transaction.controlNumber, 'SE02', 'ST02');
      group.transactions.push(transaction);
      transaction = undefined;
    } else if (s.id === 'GE' && group) {
      checkCount(element(s, 1), group.transactions.length, 'GE01');
      checkSame(element(s, 2), group.controlNumber, 'GE02', 'GS06');
      interchange.groups.push(group);
      group = undefined;
    } else if (s.id === 'IEA' && !group) {
      checkCount(element(s, 1), interchange.groups.length, 'IEA01');
      checkSame(element(s, 2), interchange.controlNumber, 'IEA02', 'ISA13');
      closed = true;
    } else {
      throw new X12ParseError(`Segment ${s.id} is outside the envelope it belongs to`);
    }
  }
  if (!closed) throw new X12ParseError('The interchange is not closed by IEA');
  return interchange;
}

function checkCount(written: string, actual: number, label: string): void {
  if (Number(written) !== actual || written === '') {
    throw new X12ParseError(`${label} says ${written || 'nothing'} but there are ${actual}`);
  }
}

/** Control numbers match by value: some senders pad GE02 or IEA02 and others do not. */
function checkSame(closing: string, opening: string, closingLabel: string, openingLabel: string): void {
  const numeric = /^\d+$/.test(closing) && /^\d+$/.test(opening);
  if (numeric ? Number(closing) !== Number(opening) : closing !== opening)
    throw new X12ParseError(`${closingLabel} does not match ${openingLabel}`);
}
