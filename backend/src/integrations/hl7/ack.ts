/**
 * The acknowledgement a registry answers a VXU with (ACK^V04): MSA says whether the message
 * was accepted (AA/CA), accepted with errors or rejected by the application (AE/AR) or by
 * the transport layer (CE/CR); ERR segments say what was wrong and where.
 */
import { Hl7ParseError } from './errors.js';
import { type MessageHeader, mshSegment } from './header.js';
import {
  type ParsedMessage,
  type ParsedSegment,
  findSegment,
  findSegments,
  parse,
  segment,
  serialize,
  value,
} from './segments.js';

export const ACK_CODES = ['AA', 'AE', 'AR', 'CA', 'CE', 'CR'] as const;
export type AckCode = (typeof ACK_CODES)[number];

/** Where an error is (ERR-2, ERL): segment, its occurrence, field, component. */
export interface ErrorLocation {
  segment: string;
  sequence: number;
  field?: number;
  component?: number;
}

export interface AckError {
  /** ERR-4 (HL7 table 0516): E error, W warning, I information. */
  severity: 'E' | 'W' | 'I';
  /** ERR-3: the HL7 error code (table 0357), e.g. 101 required field missing. */
  code: string;
  /** ERR-5: the application's own error code, when it gives one (CDC table 0533). */
  applicationCode?: string;
  /** The most useful text the registry gave: user message, diagnostic, then code texts. */
  text: string;
  location?: ErrorLocation;
}

export interface Ack {
  code: AckCode;
  /** MSA-2: the control id of the message being acknowledged (our MSH-10). */
  controlId: string;
  /** MSA-3, deprecated since 2.4 but still sent by some registries. */
  text?: string;
  errors: AckError[];
}

/** HL7 table 0357 texts, used when a registry sends a code without text. */
const HL7_ERROR_TEXTS: Record<string, string> = {
  '0': 'Message accepted',
  '100': 'Segment sequence error',
  '101': 'Required field missing',
  '102': 'Data type error',
  '103': 'Table value not found',
  '200': 'Unsupported message type',
  '201': 'Unsupported event code',
  '202': 'Unsupported processing id',
  '203': 'Unsupported version id',
  '204': 'Unknown key identifier',
  '205': 'Duplicate key identifier',
  '206': 'Application record locked',
  '207': 'Application internal error',
};

export function parseAck(text: string): Ack {
  return readAcknowledgement(parse(text));
}

/** MSA and ERR of any response (ACK, or an RSP to a query). */
export function readAcknowledgement(message: ParsedMessage): Ack {
  const msa = findSegment(message, 'MSA');
  if (!msa) throw new Hl7ParseError('The response has no MSA segment');
  const code = value(msa, 1);
  if (!(ACK_CODES as readonly string[]).includes(code)) {
    throw new Hl7ParseError('MSA-1 is not an acknowledgement code');
  }
  const msaText = value(msa, 3);
  return {
    code: code as AckCode,
    controlId: value(msa, 2),
    ...(msaText ? { text: msaText } : {}),
    errors: findSegments(message, 'ERR').map(readError),
  };
}

function readError(err: ParsedSegment): AckError {
  const code = value(err, 3) || value(err, 1, 4) || value(err, 5);
  const severity = value(err, 4);
  const applicationCode = value(err, 5);
  const location = readLocation(err);
  const text =
    value(err, 8) ||
    value(err, 7) ||
    value(err, 5, 2) ||
    value(err, 3, 2) ||
    value(err, 1, 4, 2) ||
    HL7_ERROR_TEXTS[code] ||
    '';
  return {
    severity: severity === 'W' || severity === 'I' ? severity : 'E',
    code,
    ...(applicationCode ? { applicationCode } : {}),
    text,
    ...(location ? { location } : {}),
  };
}

/** ERR-2 (ERL, 2.5+), or ERR-1 (ELD) from registries still writing the 2.3 form. */
function readLocation(err: ParsedSegment): ErrorLocation | undefined {
  const field = value(err, 2, 1) ? 2 : 1;
  const name = value(err, field, 1);
  if (!/^[A-Z][A-Z0-9]{2}$/.test(name)) return undefined;
  const number = (component: number): number | undefined => {
    const n = Number.parseInt(value(err, field, component), 10);
    return Number.isInteger(n) && n > 0 ? n : undefined;
  };
  const fieldNumber = number(3);
  // ELD's 4th component is the error code, not a component number.
  const component = field === 2 ? number(5) : undefined;
  return {
    segment: name,
    sequence: number(2) ?? 1,
    ...(fieldNumber ? { field: fieldNumber } : {}),
    ...(component ? { component } : {}),
  };
}

export interface AckInput {
  header: MessageHeader;
  code: AckCode;
  /** The control id of the message acknowledged. */
  acknowledges: string;
  errors?: readonly AckError[];
}

/** An ACK^V04 (profile Z23), for the registry simulator and tests. */
export function buildAck(input: AckInput): string {
  const errors = (input.errors ?? []).map((e) => {
    const at = e.location;
    return segment('ERR', {
      2: at
        ? [at.segment, String(at.sequence), String(at.field ?? ''), '1', String(at.component ?? '')]
        : undefined,
      3: [e.code, HL7_ERROR_TEXTS[e.code] ?? '', 'HL70357'],
      4: e.severity,
      5: e.applicationCode,
      8: e.text,
    });
  });
  return serialize([
    mshSegment(input.header, ['ACK', 'V04', 'ACK'], 'Z23'),
    segment('MSA', { 1: input.code, 2: input.acknowledges }),
    ...errors,
  ]);
}
