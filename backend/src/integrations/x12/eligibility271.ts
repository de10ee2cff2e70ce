/**
 * The 271 eligibility response (005010X279A1). It mirrors the 270's loops:
 *   HL ..20 2000A payer (NM1*PR, AAA when the payer cannot answer)
 *   HL ..21 2000B provider (AAA when the provider is not recognized)
 *   HL ..22 2000C subscriber: TRN, NM1*IL, DMG, DTP, AAA, then 2110C benefits: EB (+ DTP, MSG, LS..LE)
 *   HL ..23 2000D dependent, when the payer answers about a dependent of the subscriber
 * Coverage: any EB01 1-5 means active; else any 6-8 (inactive, or pending an update or an
 * investigation) means inactive; no EB (e.g. a rejection) means unknown.
 */
import { type X12DatePeriod, fromX12Date, readDtp } from './dates.js';
import { type ParsedTransaction, parseInterchange } from './envelopeParser.js';
import { X12ParseError } from './errors.js';
import {
  ACTIVE_CODES,
  ELIGIBILITY_CODES,
  FOLLOW_UP_ACTIONS,
  INACTIVE_CODES,
  REJECT_REASONS,
} from './eligibilityCodes.js';
import { type ParsedX12Segment, element, elementRepetitions } from './segments.js';

export type Coverage = 'active' | 'inactive' | 'unknown';
export type Loop271 = 'information source' | 'information receiver' | 'subscriber' | 'dependent';

export interface EligibilityPerson {
  /** NM109 when NM108 is MI (member identification number). */
  memberId: string | null;
  lastName: string;
  firstName: string;
  middleName?: string;
  /** YYYY-MM-DD from DMG02, or null. */
  dob: string | null;
  gender?: string;
}

export interface Benefit {
  /** EB01 and its meaning. */
  code: string;
  meaning: string;
  /** EB02, e.g. IND (individual). */
  coverageLevel?: string;
  /** EB03 service type codes. */
  serviceTypes: string[];
  /** EB04, e.g. MC (Medicaid). */
  insuranceType?: string;
  /** EB05, the plan's description. */
  planName?: string;
  /** The 2110 DTP segments that follow this EB (e.g. 307 eligibility, 291 plan). */
  dates?: X12DatePeriod[];
}

export interface Rejection {
  loop: Loop271;
  /** AAA01: Y when the request was valid but could not be answered. */
  validRequest: boolean;
  /** AAA03 and its meaning, e.g. 72 Invalid/Missing Subscriber/Insured ID. */
  reasonCode: string;
  reason: string;
  /** AAA04 and its meaning, e.g. C Please Correct and Resubmit. */
  followUpAction?: string;
  followUp?: string;
}

export interface Eligibility271 {
  /** Our TRN02 echoed back (TRN01 = 2), or the payer's own when it echoed none. */
  traceNumber: string | null;
  /** BHT04: the date the payer answered, YYYY-MM-DD. */
  respondedOn: string | null;
  payer: { name: string; id: string } | null;
  subscriber: EligibilityPerson | null;
  dependent: EligibilityPerson | null;
  coverage: Coverage;
  /** 2100C/D dates that apply to the whole plan (e.g. 346 plan begin, 356 eligibility begin). */
  planDates: X12DatePeriod[];
  benefits: Benefit[];
  rejections: Rejection[];
}

const LOOPS: Readonly<Record<string, Loop271>> = {
  '20': 'information source',
  '21': 'information receiver',
  '22': 'subscriber',
  '23': 'dependent',
};

export function parse271(text: string): Eligibility271 {
  const transaction = firstTransaction(text);
  const result: Eligibility271 = {
    traceNumber: null,
    respondedOn: null,
    payer: null,
    subscriber: null,
    dependent: null,
    coverage: 'unknown',
    planDates: [],
    benefits: [],
    rejections: [],
  };
  const traces: { type: string; number: string }[] = [];
  let loop: Loop271 | null = null;
  let benefit: Benefit | null = null;
  let inRelatedEntity = false;
  for (const s of transaction.segments) {
    if (s.id === 'HL') {
      loop = LOOPS[element(s, 3)] ?? null;
      benefit = null;
      inRelatedEntity = false;
    } else if (s.id === 'LS' || s.id === 'LE') {
      // 2115/2120: an entity related to a benefit (a primary care provider, another payer),
      // whose NM1 and DTP must not be read as the subscriber's.
      inRelatedEntity = s.id === 'LS';
    } else if (inRelatedEntity) {
      continue;
    } else if (s.id === 'BHT') {
      result.respondedOn = fromX12Date(element(s, 4));
    } else if (s.id === 'TRN') {
      traces.push({ type: element(s, 1), number: element(s, 2) });
    } else if (s.id === 'NM1') {
      readName(s, loop, result);
    } else if (s.id === 'DMG' && benefit === null) {
      readDemographics(s, loop === 'dependent' ? result.dependent : result.subscriber);
    } else if (s.id === 'AAA' && loop) {
      result.rejections.push(readRejection(s, loop));
    } else if (s.id === 'EB') {
      benefit = readBenefit(s);
      result.benefits.push(benefit);
    } else if (s.id === 'DTP') {
      const period = readDtp(s);
      if (period && benefit) benefit.dates = [...(benefit.dates ?? []), period];
      else if (period && (loop === 'subscriber' || loop === 'dependent')) result.planDates.push(period);
    }
  }
  result.traceNumber = (traces.find((t) => t.type === '2') ?? traces[0])?.number ?? null;
  result.coverage = coverageOf(result.benefits);
  return result;
}

function firstTransaction(text: string): ParsedTransaction {
  const interchange = parseInterchange(text);
  const transaction = interchange.groups.flatMap((g) => g.transactions).find((t) => t.setId === '271');
  if (!transaction) throw new X12ParseError('The interchange holds no 271 transaction');
  return transaction;
}

function coverageOf(benefits: readonly Benefit[]): Coverage {
  if (benefits.some((b) => ACTIVE_CODES.includes(b.code))) return 'active';
  if (benefits.some((b) => INACTIVE_CODES.includes(b.code))) return 'inactive';
  return 'unknown';
}

function readName(nm1: ParsedX12Segment, loop: Loop271 | null, result: Eligibility271): void {
  const entity = element(nm1, 1);
  if (loop === 'information source' && entity === 'PR') {
    result.payer = { name: element(nm1, 3), id: element(nm1, 9) };
  } else if (loop === 'subscriber' && entity === 'IL') {
    result.subscriber = readPerson(nm1);
  } else if (loop === 'dependent' && entity === '03') {
    result.dependent = readPerson(nm1);
  }
}

function readPerson(nm1: ParsedX12Segment): EligibilityPerson {
  const middleName = element(nm1, 5);
  return {
    memberId: element(nm1, 8) === 'MI' && element(nm1, 9) ? element(nm1, 9) : null,
    lastName: element(nm1, 3),
    firstName: element(nm1, 4),
    ...(middleName ? { middleName } : {}),
    dob: null,
  };
}

function readDemographics(dmg: ParsedX12Segment, person: EligibilityPerson | null): void {
  if (!person) return;
  if (element(dmg, 1) === 'D8') person.dob = fromX12Date(element(dmg, 2));
  const gender = element(dmg, 3);
  if (gender) person.gender = gender;
}

function readRejection(aaa: ParsedX12Segment, loop: Loop271): Rejection {
  const reasonCode = element(aaa, 3);
  const followUpAction = element(aaa, 4);
  const followUp = FOLLOW_UP_ACTIONS[followUpAction];
  return {
    loop,
    validRequest: element(aaa, 1) === 'Y',
    reasonCode,
    reason: REJECT_REASONS[reasonCode] ?? 'Unlisted reason',
    ...(followUpAction ? { followUpAction } : {}),
    ...(followUp ? { followUp } : {}),
  };
}

function readBenefit(eb: ParsedX12Segment): Benefit {
  const code = element(eb, 1);
  const coverageLevel = element(eb, 2);
  const insuranceType = element(eb, 4);
  const planName = element(eb, 5);
  return {
    code,
    meaning: ELIGIBILITY_CODES[code] ?? 'Unlisted benefit code',
    ...(coverageLevel ? { coverageLevel } : {}),
    serviceTypes: elementRepetitions(eb, 3),
    ...(insuranceType ? { insuranceType } : {}),
    ...(planName ? { planName } : {}),
  };
}
