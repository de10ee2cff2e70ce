/**
 * Asking a registry for a student's immunization history: QBP^Q11 with the CDC query
 * profile Z34 ("Request Immunization History"), answered by RSP^K11 with profile Z32 (the
 * history of the one patient matched), Z31 (a list of candidate patients, no history) or
 * Z33 (no match, or an error). QAK-2 says which: OK, NF (not found), AE, AR, TM (too many
 * candidates), PD (protected data).
 */
import { SEXES, type Sex } from './codeTables.js';
import { fromHl7Date, toHl7Date } from './datetime.js';
import { Hl7BuildError, Hl7ParseError } from './errors.js';
import { type Address, type PersonName, requireText, xad, xpn } from './fields.js';
import { type MessageHeader, mshSegment } from './header.js';
import { type AckCode, type AckError, readAcknowledgement } from './ack.js';
import {
  type ParsedMessage,
  type ParsedSegment,
  findSegment,
  parse,
  repetitions,
  segment,
  serialize,
  value,
} from './segments.js';

export interface ImmunizationHistoryQuery {
  header: MessageHeader;
  /** QPD-2: unique per query; the registry echoes it in QAK-1. */
  queryTag: string;
  patient: {
    /** The sender's identifier (PID-3 in our VXUs), when the registry may know it. */
    id?: string;
    assigningAuthority?: string;
    name: PersonName;
    motherMaidenName?: string;
    /** YYYY-MM-DD */
    dob: string;
    sex?: Sex;
    address?: Address;
  };
  /** RCP-2: how many candidate patients the registry may return; 10 when omitted. */
  maxCandidates?: number;
}

export function buildQbpQ11(query: ImmunizationHistoryQuery): string {
  const { patient } = query;
  if (patient.id && !patient.assigningAuthority) {
    throw new Hl7BuildError('patient.assigningAuthority is required with patient.id (QPD-3.4)');
  }
  if (patient.sex && !(SEXES as readonly string[]).includes(patient.sex)) {
    throw new Hl7BuildError('patient.sex must be F, M or U (QPD-7)');
  }
  const max = query.maxCandidates ?? 10;
  if (!Number.isInteger(max) || max < 1)
    throw new Hl7BuildError('maxCandidates must be a positive integer (RCP-2)');
  return serialize([
    mshSegment(query.header, ['QBP', 'Q11', 'QBP_Q11'], 'Z34'),
    segment('QPD', {
      1: ['Z34', 'Request Immunization History', 'CDCPHINVS'],
      2: requireText(query.queryTag, 'queryTag (QPD-2)', 32),
      3: patient.id ? [patient.id, '', '', patient.assigningAuthority ?? '', 'MR'] : undefined,
      4: xpn(patient.name, 'patient.name (QPD-4)'),
      5: patient.motherMaidenName ? [patient.motherMaidenName, '', '', '', '', '', 'M'] : undefined,
      6: toHl7Date(patient.dob, 'patient.dob (QPD-6)'),
      7: patient.sex,
      8: patient.address && xad(patient.address, 'patient.address (QPD-8)'),
    }),
    segment('RCP', {
      1: 'I',
      2: [String(max), ['RD', 'Records', 'HL70126']],
      3: ['R', 'real-time', 'HL70394'],
    }),
  ]);
}

export const QUERY_STATUSES = ['OK', 'NF', 'AE', 'AR', 'TM', 'PD'] as const;
export type QueryStatus = (typeof QUERY_STATUSES)[number];

export interface MatchedPatient {
  identifiers: { id: string; assigningAuthority: string; type: string }[];
  family: string;
  given: string;
  middle?: string;
  /** YYYY-MM-DD, or null when the registry sent none. */
  dob: string | null;
  sex?: string;
}

/** One dose from the registry, in the shape a nurse reviews before importing it. */
export interface RegistryImmunization {
  cvx: string;
  vaccineName: string;
  /** YYYY-MM-DD */
  administeredOn: string;
  lotNumber?: string;
  /** MVX code. */
  manufacturer?: string;
  /** false only when the registry's source administered the dose (RXA-9 "00"). */
  historical: boolean;
}

export interface RspK11 {
  ackCode: AckCode;
  /** QAK-1, our QPD-2. */
  queryTag: string;
  status: QueryStatus;
  /** MSH-21: Z32 history, Z31 candidate list, Z33 no history. */
  profile: string;
  /** The one patient matched, or null when none or several were. */
  patient: MatchedPatient | null;
  /** Every patient returned (more than one for a Z31 candidate list). */
  candidates: MatchedPatient[];
  /** The matched patient's doses; empty unless exactly one patient was matched. */
  immunizations: RegistryImmunization[];
  /** RXA segments that named no CVX vaccine or no date, left out of `immunizations`. */
  unreadable: number;
  errors: AckError[];
}

export function parseRspK11(text: string): RspK11 {
  const message = parse(text);
  const ack = readAcknowledgement(message);
  const qak = findSegment(message, 'QAK');
  const status = qak ? value(qak, 2) : ack.code;
  if (!(QUERY_STATUSES as readonly string[]).includes(status)) {
    throw new Hl7ParseError('QAK-2 is not a query response status');
  }
  const groups = patientGroups(message);
  const only = groups.length === 1 ? groups[0] : undefined;
  const doses = only ? only.rxas.map(readImmunization) : [];
  return {
    ackCode: ack.code,
    queryTag: value(qak, 1),
    status: status as QueryStatus,
    profile: value(findSegment(message, 'MSH'), 21),
    patient: only ? only.patient : null,
    candidates: groups.map((g) => g.patient),
    immunizations: doses.filter((d): d is RegistryImmunization => d !== null && d !== 'skip'),
    unreadable: doses.filter((d) => d === null).length,
    errors: ack.errors,
  };
}

/** Each PID with the RXA segments that follow it (until the next PID). */
function patientGroups(message: ParsedMessage): { patient: MatchedPatient; rxas: ParsedSegment[] }[] {
  const groups: { patient: MatchedPatient; rxas: ParsedSegment[] }[] = [];
  for (const s of message) {
    if (s.name === 'PID') groups.push({ patient: readPatient(s), rxas: [] });
    else if (s.name === 'RXA') groups.at(-1)?.rxas.push(s);
  }
  return groups;
}

function readPatient(pid: ParsedSegment): MatchedPatient {
  const middle = value(pid, 5, 3);
  const sex = value(pid, 8);
  return {
    // An identifier without its id (e.g. "^^^STATEIIS^SR") identifies nobody.
    identifiers: repetitions(pid, 3)
      .filter((cx) => cx[0])
      .map((cx) => ({ id: cx[0] ?? '', assigningAuthority: cx[3] ?? '', type: cx[4] ?? '' })),
    family: value(pid, 5, 1),
    given: value(pid, 5, 2),
    ...(middle ? { middle } : {}),
    dob: fromHl7Date(value(pid, 7)),
    ...(sex ? { sex } : {}),
  };
}

/** RXA-20 RE refused, NA not administered; RXA-21 D deleted; CVX 998 no vaccine given. */
function isNotAGivenDose(rxa: ParsedSegment): boolean {
  return ['RE', 'NA'].includes(value(rxa, 20)) || value(rxa, 21) === 'D' || value(rxa, 5) === '998';
}

/** A dose to offer for import, 'skip' for a record of no dose, null when it cannot be read. */
function readImmunization(rxa: ParsedSegment): RegistryImmunization | 'skip' | null {
  if (isNotAGivenDose(rxa)) return 'skip';
  // RXA-5 is a CE: the CVX code may be the primary triplet or the alternate one (after an NDC).
  const primary = value(rxa, 5, 3) === 'CVX';
  const cvx = primary ? value(rxa, 5, 1) : value(rxa, 5, 6) === 'CVX' ? value(rxa, 5, 4) : '';
  const vaccineName = primary ? value(rxa, 5, 2) : value(rxa, 5, 5);
  const administeredOn = fromHl7Date(value(rxa, 3));
  if (!/^\d{1,3}$/.test(cvx) || !administeredOn) return null;
  const lotNumber = value(rxa, 15);
  const manufacturer = value(rxa, 17);
  return {
    cvx,
    vaccineName,
    administeredOn,
    ...(lotNumber ? { lotNumber } : {}),
    ...(manufacturer ? { manufacturer } : {}),
    historical: value(rxa, 9) !== '00',
  };
}
