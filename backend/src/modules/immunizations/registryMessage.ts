/**
 * From a stored immunization and its student to what a VXU reports, and from the registry's
 * ACK back to what is stored. The student's UUID is the identifier we send (PID-3, assigned
 * by White Cross): it never changes and never repeats, so the registry matches the child
 * the same way on every message and every history query.
 */
import type { Ack, AckCode } from '../../integrations/hl7/ack.js';
import {
  ROUTES,
  SITES,
  lookup,
  type RouteCode,
  type Sex,
  type SiteCode,
  type VfcEligibilityCode,
} from '../../integrations/hl7/codeTables.js';
import type { VxuImmunization, VxuPatient } from '../../integrations/hl7/vxu.js';
import type { StudentView } from '../students/index.js';
import type { ImmunizationAttributes, RegistrySubmissionStatus } from './models.js';
import { vaccineFor } from './vaccineCodes.js';

/** PID-3.4 / QPD-3.4: who assigned the identifier we send. */
export const PATIENT_ID_AUTHORITY = 'WHITECROSS';

/** The VFC eligibility reported for a dose given here when none was recorded: not eligible. */
export const DEFAULT_VFC_ELIGIBILITY: VfcEligibilityCode = 'V01';

/**
 * The amount a registry needs for a dose given here (RXA-6) when none was recorded: the labeled
 * volume of the school-age dose. Every vaccine a school gives is 0.5 mL except those listed.
 */
const LABELED_DOSE_ML: Record<string, number> = { '208': 0.3 };
const USUAL_DOSE_ML = 0.5;

/** The most text a submission row keeps (the column's limit). */
export const MAX_ERROR_TEXT = 2000;

export type StoredImmunization = Pick<
  ImmunizationAttributes,
  | 'id'
  | 'cvxCode'
  | 'administeredOn'
  | 'lotNumber'
  | 'mvxCode'
  | 'source'
  | 'doseMl'
  | 'route'
  | 'site'
  | 'vfcEligibility'
>;

export function sexOf(gender: string | null): Sex {
  const g = (gender ?? '').trim().toUpperCase();
  if (g === 'F' || g === 'FEMALE') return 'F';
  if (g === 'M' || g === 'MALE') return 'M';
  return 'U';
}

export function registryPatient(student: StudentView): VxuPatient {
  return {
    id: student.id,
    assigningAuthority: PATIENT_ID_AUTHORITY,
    name: { family: student.lastName, given: student.firstName },
    dob: student.dateOfBirth,
    sex: sexOf(student.gender),
  };
}

/**
 * Why a record cannot be sent as it stands, in words a nurse can act on; null when it can.
 * A dose given here must name its lot and manufacturer (the registry counts it by them).
 */
export function notSendableReason(immunization: StoredImmunization): string | null {
  if (immunization.source !== 'ADMINISTERED') return null;
  const missing = [
    !immunization.lotNumber && 'lot number',
    !immunization.mvxCode && 'manufacturer (MVX code)',
  ].filter((m): m is string => typeof m === 'string');
  return missing.length === 0
    ? null
    : `Not sent: a dose given here needs its ${missing.join(' and ')} before the registry can accept it.`;
}

export function registryImmunization(immunization: StoredImmunization): VxuImmunization {
  const historical = immunization.source === 'HISTORICAL';
  const vaccine = vaccineFor(immunization.cvxCode);
  const route = immunization.route && lookup(ROUTES, immunization.route) ? immunization.route : undefined;
  const site = immunization.site && lookup(SITES, immunization.site) ? immunization.site : undefined;
  return {
    id: immunization.id,
    cvx: { code: immunization.cvxCode, name: vaccine?.name ?? `CVX ${immunization.cvxCode}` },
    administeredOn: immunization.administeredOn,
    historical,
    ...(immunization.mvxCode ? { mvx: { code: immunization.mvxCode } } : {}),
    ...(immunization.lotNumber ? { lotNumber: immunization.lotNumber } : {}),
    // A transcribed dose reports what is known; "999" (unknown amount) is the builder's default.
    ...(immunization.doseMl !== null
      ? { doseMl: immunization.doseMl }
      : historical
        ? {}
        : { doseMl: LABELED_DOSE_ML[immunization.cvxCode] ?? USUAL_DOSE_ML }),
    // A site without a route cannot be reported (RXR-1 is required): both or neither.
    ...(route ? { route: route as RouteCode, ...(site ? { site: site as SiteCode } : {}) } : {}),
    ...(historical
      ? {}
      : {
          vfcEligibility: (immunization.vfcEligibility ?? DEFAULT_VFC_ELIGIBILITY) as VfcEligibilityCode,
        }),
  };
}

/** AA / CA accepted; AE / CE accepted with errors to correct; AR / CR rejected outright. */
export function statusOfAck(code: AckCode): Exclude<RegistrySubmissionStatus, 'PENDING'> {
  if (code === 'AA' || code === 'CA') return 'ACCEPTED';
  if (code === 'AE' || code === 'CE') return 'ERROR';
  return 'REJECTED';
}

/** The registry's own words for what went wrong (errors first, then warnings), capped. */
export function errorTextOf(ack: Ack): string {
  const errors = ack.errors.filter((e) => e.severity === 'E');
  const texts = (errors.length > 0 ? errors : ack.errors).map((e) => e.text.trim()).filter(Boolean);
  const unique = [...new Set(texts)];
  const text =
    unique.join('; ') || ack.text?.trim() || `The registry answered ${ack.code} without saying why.`;
  return capText(text);
}

export function capText(text: string): string {
  return text.length <= MAX_ERROR_TEXT ? text : `${text.slice(0, MAX_ERROR_TEXT - 1)}…`;
}
