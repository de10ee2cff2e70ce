/**
 * The patient group of a VXU: PID (who), PD1 (may the registry contact the family, may it
 * share the record) and NK1 (the guardian). PD1 and NK1 are written only when known.
 */
import {
  ETHNICITIES,
  type EthnicityCode,
  PUBLICITY,
  type PublicityCode,
  RACES,
  type RaceCode,
  RELATIONSHIPS,
  type RelationshipCode,
  SEXES,
  type Sex,
} from './codeTables.js';
import { toHl7Date } from './datetime.js';
import { Hl7BuildError } from './errors.js';
import {
  type Address,
  type PersonName,
  type Phone,
  ce,
  requireCode,
  requireText,
  xad,
  xpn,
  xtn,
} from './fields.js';
import { type Segment, segment } from './segments.js';

export interface Guardian {
  name: PersonName;
  relationship: RelationshipCode;
  address?: Address;
  phone?: Phone;
}

export interface VxuPatient {
  /** PID-3: the sender's identifier for the student (its MRN) and the authority that assigned it. */
  id: string;
  assigningAuthority: string;
  name: PersonName;
  motherMaidenName?: string;
  /** YYYY-MM-DD */
  dob: string;
  sex: Sex;
  race?: RaceCode;
  ethnicity?: EthnicityCode;
  address?: Address;
  phone?: Phone;
  /** PD1-11/18: reminder and recall preference. */
  publicity?: { code: PublicityCode; effectiveOn?: string };
  /** PD1-12/13: 'Y' asks the registry not to share the record with other providers. */
  protection?: { indicator: 'Y' | 'N'; effectiveOn?: string };
  guardian?: Guardian;
}

export function pidSegment(patient: VxuPatient): Segment {
  if (!(SEXES as readonly string[]).includes(patient.sex)) {
    throw new Hl7BuildError('patient.sex must be F, M or U (PID-8)');
  }
  const race = patient.race && requireCode(RACES, patient.race, 'patient.race (PID-10)');
  const ethnicity =
    patient.ethnicity && requireCode(ETHNICITIES, patient.ethnicity, 'patient.ethnicity (PID-22)');
  return segment('PID', {
    1: '1',
    3: [
      requireText(patient.id, 'patient.id (PID-3)'),
      '',
      '',
      requireText(patient.assigningAuthority, 'patient.assigningAuthority (PID-3.4)'),
      'MR',
    ],
    5: xpn(patient.name, 'patient.name (PID-5)'),
    6: patient.motherMaidenName ? [patient.motherMaidenName, '', '', '', '', '', 'M'] : undefined,
    7: toHl7Date(patient.dob, 'patient.dob (PID-7)'),
    8: patient.sex,
    10: race && ce(race.code, race.text, 'CDCREC'),
    11: patient.address && xad(patient.address, 'patient.address (PID-11)'),
    13: patient.phone && xtn(patient.phone, 'patient.phone (PID-13)'),
    22: ethnicity && ce(ethnicity.code, ethnicity.text, 'CDCREC'),
  });
}

export function pd1Segment(patient: VxuPatient): Segment | undefined {
  const { publicity, protection } = patient;
  if (!publicity && !protection) return undefined;
  const publicityCode =
    publicity && requireCode(PUBLICITY, publicity.code, 'patient.publicity.code (PD1-11)');
  if (protection && protection.indicator !== 'Y' && protection.indicator !== 'N') {
    throw new Hl7BuildError('patient.protection.indicator must be Y or N (PD1-12)');
  }
  return segment('PD1', {
    11: publicityCode && ce(publicityCode.code, publicityCode.text, 'HL70215'),
    12: protection?.indicator,
    13:
      protection?.effectiveOn && toHl7Date(protection.effectiveOn, 'patient.protection.effectiveOn (PD1-13)'),
    18: publicity?.effectiveOn && toHl7Date(publicity.effectiveOn, 'patient.publicity.effectiveOn (PD1-18)'),
  });
}

export function nk1Segment(guardian: Guardian | undefined): Segment | undefined {
  if (!guardian) return undefined;
  const relationship = requireCode(
    RELATIONSHIPS,
    guardian.relationship,
    'patient.guardian.relationship (NK1-3)',
  );
  return segment('NK1', {
    1: '1',
    2: xpn(guardian.name, 'patient.guardian.name (NK1-2)'),
    3: ce(relationship.code, relationship.text, 'HL70063'),
    4: guardian.address && xad(guardian.address, 'patient.guardian.address (NK1-4)'),
    5: guardian.phone && xtn(guardian.phone, 'patient.guardian.phone (NK1-5)'),
  });
}
