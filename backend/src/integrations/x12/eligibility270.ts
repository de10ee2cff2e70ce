/**
 * The 270 eligibility inquiry (005010X279A1): "is this child covered on this date?".
 *   BHT
 *   HL*1**20*1  2000A information source: the payer     NM1*PR
 *   HL*2*1*21*1 2000B information receiver: the provider NM1*1P with its NPI
 *   HL*3*2*22*0 2000C subscriber: the student            TRN, NM1*IL, DMG, DTP*291, EQ...
 * The student is sent as the subscriber because Medicaid enrolls each child with their own
 * member id. Names are cleaned and upper-cased (X12 has no escape, see segments.ts);
 * identifiers holding a delimiter are refused.
 */
import { type InterchangeOptions, buildInterchange } from './envelope.js';
import { toX12Date } from './dates.js';
import { X12BuildError } from './errors.js';
import { type X12Segment, cleanText, isSendable, x12Segment } from './segments.js';

export const X279_VERSION = '005010X279A1';

export interface Subscriber270 {
  /** The Medicaid member id; without it, last name, first name and date of birth are required. */
  memberId?: string;
  lastName?: string;
  firstName?: string;
  middleName?: string;
  /** YYYY-MM-DD */
  dob?: string;
  gender?: 'F' | 'M' | 'U';
}

export type Provider270 =
  { npi: string; organizationName: string } | { npi: string; lastName: string; firstName: string };

export interface Eligibility270Input {
  envelope: InterchangeOptions & {
    /** GS06; the interchange control number when omitted. */
    groupControlNumber?: number;
    /** GS02/GS03; the interchange sender and receiver ids when omitted. */
    applicationSenderCode?: string;
    applicationReceiverCode?: string;
    /** ST02; '0001' when omitted. */
    transactionControlNumber?: string;
  };
  /** TRN02 (and BHT03): our reference for this inquiry; the 271 echoes it in TRN*2. */
  traceNumber: string;
  /** TRN03: '1' + the sender's EIN, or '9' + an id the sender assigns itself (10 characters). */
  traceOriginatorId: string;
  payer: { name: string; id: string };
  provider: Provider270;
  subscriber: Subscriber270;
  /** YYYY-MM-DD, sent as DTP*291. */
  dateOfService: string;
  /** EQ01 service type codes; ['30'] (health benefit plan coverage) when omitted. */
  serviceTypes?: readonly string[];
}

export function build270(input: Eligibility270Input): string {
  const { envelope } = input;
  const transactionControlNumber = envelope.transactionControlNumber ?? '0001';
  return buildInterchange({
    interchange: envelope,
    group: {
      functionalId: 'HS',
      applicationSenderCode: envelope.applicationSenderCode ?? envelope.senderId,
      applicationReceiverCode: envelope.applicationReceiverCode ?? envelope.receiverId,
      controlNumber: envelope.groupControlNumber ?? envelope.controlNumber,
      version: X279_VERSION,
    },
    transactions: [{ setId: '270', controlNumber: transactionControlNumber, segments: body270(input) }],
  });
}

/** The segments between ST and SE. */
export function body270(input: Eligibility270Input): X12Segment[] {
  const traceNumber = identifier(input.traceNumber, 'traceNumber (TRN02)', 1, 50);
  if (!/^[139][A-Za-z0-9]{9}$/.test(input.traceOriginatorId)) {
    throw new X12BuildError('traceOriginatorId must be 1, 3 or 9 followed by 9 letters or digits (TRN03)');
  }
  const createdAt = input.envelope.createdAt.toISOString();
  const date = createdAt.slice(0, 10).replace(/-/g, '');
  const time = createdAt.slice(11, 16).replace(':', '');
  const payer = input.payer;
  return [
    // 0022: information source, receiver, subscriber, dependent; 13: request.
    x12Segment('BHT', '0022', '13', traceNumber, date, time),
    x12Segment('HL', '1', '', '20', '1'),
    nm1({
      entity: 'PR',
      organization: name(payer.name, 'payer.name (NM103)', 60),
      idQualifier: 'PI',
      id: identifier(payer.id, 'payer.id (NM109)', 2, 80),
    }),
    x12Segment('HL', '2', '1', '21', '1'),
    providerName(input.provider),
    x12Segment('HL', '3', '2', '22', '0'),
    x12Segment('TRN', '1', traceNumber, input.traceOriginatorId),
    ...subscriberSegments(input.subscriber),
    x12Segment('DTP', '291', 'D8', toX12Date(input.dateOfService, 'dateOfService (DTP03)')),
    ...serviceTypes(input.serviceTypes).map((code) => x12Segment('EQ', code)),
  ];
}

/** NM1: an organization (NM102 = 2) or a person (NM102 = 1), and its identifier. */
function nm1(entity: {
  entity: string;
  organization?: string;
  last?: string;
  first?: string;
  middle?: string;
  idQualifier?: string;
  id?: string;
}): X12Segment {
  const type = entity.organization === undefined ? '1' : '2';
  const nameParts =
    entity.organization === undefined ? [entity.last, entity.first, entity.middle] : [entity.organization];
  const [last = '', first = '', middle = ''] = nameParts;
  // NM106 (prefix) and NM107 (suffix) are not sent.
  return x12Segment('NM1', entity.entity, type, last, first, middle, '', '', entity.idQualifier, entity.id);
}

function providerName(provider: Provider270): X12Segment {
  const npi = requireNpi(provider.npi);
  if ('organizationName' in provider) {
    const organization = name(provider.organizationName, 'provider.organizationName (NM103)', 60);
    return nm1({ entity: '1P', organization, idQualifier: 'XX', id: npi });
  }
  return nm1({
    entity: '1P',
    last: name(provider.lastName, 'provider.lastName (NM103)', 60),
    first: name(provider.firstName, 'provider.firstName (NM104)', 35),
    idQualifier: 'XX',
    id: npi,
  });
}

function subscriberSegments(subscriber: Subscriber270): X12Segment[] {
  const memberId = subscriber.memberId?.trim();
  const hasSearchName = Boolean(
    subscriber.lastName?.trim() && subscriber.firstName?.trim() && subscriber.dob,
  );
  if (!memberId && !hasSearchName) {
    throw new X12BuildError('subscriber needs a memberId, or a lastName, firstName and dob');
  }
  const gender = subscriber.gender;
  if (gender !== undefined && !['F', 'M', 'U'].includes(gender)) {
    throw new X12BuildError('subscriber.gender must be F, M or U (DMG03)');
  }
  const optionalName = (value: string | undefined, label: string, max: number): string =>
    value?.trim() ? name(value, label, max) : '';
  const segments = [
    nm1({
      entity: 'IL',
      last: optionalName(subscriber.lastName, 'subscriber.lastName (NM103)', 60),
      first: optionalName(subscriber.firstName, 'subscriber.firstName (NM104)', 35),
      middle: optionalName(subscriber.middleName, 'subscriber.middleName (NM105)', 25),
      ...(memberId
        ? { idQualifier: 'MI', id: identifier(memberId, 'subscriber.memberId (NM109)', 2, 80) }
        : {}),
    }),
  ];
  if (subscriber.dob) {
    segments.push(x12Segment('DMG', 'D8', toX12Date(subscriber.dob, 'subscriber.dob (DMG02)'), gender));
  }
  return segments;
}

function serviceTypes(codes: readonly string[] | undefined): string[] {
  const list = [...new Set(codes && codes.length > 0 ? codes : ['30'])];
  if (list.length > 99 || list.some((c) => !/^[A-Z0-9]{1,2}$/.test(c))) {
    throw new X12BuildError('serviceTypes must be at most 99 service type codes (EQ01)');
  }
  return list;
}

/** Free text: cleaned, upper-cased as payers' companion guides ask, and length checked. */
function name(value: string, label: string, max: number): string {
  const cleaned = cleanText(value).toUpperCase();
  if (cleaned === '' || cleaned.length > max)
    throw new X12BuildError(`${label} must be 1 to ${max} characters`);
  return cleaned;
}

/** An identifier is sent exactly as given or not at all. */
function identifier(value: string, label: string, min: number, max: number): string {
  if (value.length < min || value.length > max || !isSendable(value) || value.trim() !== value) {
    throw new X12BuildError(`${label} must be ${min} to ${max} printable characters without delimiters`);
  }
  return value;
}

/** An NPI is 10 digits whose last is a Luhn check digit over "80840" + the first nine. */
export function isValidNpi(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  const digits = `80840${npi}`.split('').map(Number);
  let sum = 0;
  digits.reverse().forEach((digit, i) => {
    const value = i % 2 === 1 ? digit * 2 : digit;
    sum += value > 9 ? value - 9 : value;
  });
  return sum % 10 === 0;
}

function requireNpi(npi: string): string {
  if (!isValidNpi(npi)) throw new X12BuildError('provider.npi must be a valid 10-digit NPI (NM109)');
  return npi;
}
