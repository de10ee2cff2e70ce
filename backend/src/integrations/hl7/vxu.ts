/**
 * VXU^V04, "unsolicited vaccination record update": one immunization sent to a state
 * registry, following the CDC IG for Immunization Messaging 2.5.1 Release 1.5:
 *   MSH PID [PD1] [NK1] ORC RXA [RXR] [OBX...]
 * A new administration (RXA-9 "00") must carry what the registry needs to count the dose
 * (amount, lot, manufacturer, VFC eligibility); a historical one (RXA-9 "01", a dose given
 * elsewhere and transcribed) carries what is known, with amount "999" when it is not.
 */
import {
  INFORMATION_SOURCES,
  ROUTES,
  type RouteCode,
  SITES,
  type SiteCode,
  VFC_ELIGIBILITY,
  type VfcEligibilityCode,
} from './codeTables.js';
import { toHl7Date } from './datetime.js';
import { Hl7BuildError } from './errors.js';
import { ce, requireCode, requireText } from './fields.js';
import { type MessageHeader, mshSegment, namespaceOf } from './header.js';
import { type VxuPatient, nk1Segment, pd1Segment, pidSegment } from './patientSegments.js';
import { type Component, type Message, type Segment, segment, serialize } from './segments.js';

export type { MessageHeader } from './header.js';
export type { Guardian, VxuPatient } from './patientSegments.js';

export interface Provider {
  id: string;
  family: string;
  given: string;
  /** Who assigned the id (XCN.9), e.g. the facility or 'NPI'. */
  assigningAuthority?: string;
}

export interface VxuImmunization {
  /** ORC-3: the sender's id for this dose, stable across resubmissions so the registry dedupes. */
  id: string;
  cvx: { code: string; name: string };
  /** YYYY-MM-DD */
  administeredOn: string;
  /** true: transcribed from another source (RXA-9 "01"); false: given here (RXA-9 "00"). */
  historical: boolean;
  mvx?: { code: string; name?: string };
  lotNumber?: string;
  /** YYYY-MM-DD */
  lotExpiresOn?: string;
  /** Amount in mL (RXA-6/7). */
  doseMl?: number;
  route?: RouteCode;
  site?: SiteCode;
  administeringProvider?: Provider;
  /** RXA-11: the facility id where the dose was given. */
  administeredAt?: string;
  vfcEligibility?: VfcEligibilityCode;
  /** The Vaccine Information Statement given to the family (GS1 barcode of the VIS edition). */
  vis?: { documentCode: string; documentName: string; presentedOn: string };
}

export interface VxuInput {
  header: MessageHeader;
  patient: VxuPatient;
  immunization: VxuImmunization;
}

/** RXA-6 for a historical dose whose amount is not known, as the IG prescribes. */
const UNKNOWN_AMOUNT = '999';

export function buildVxuMessage(input: VxuInput): Message {
  const { header, patient, immunization } = input;
  if (!immunization.historical) requireNewAdministrationFields(immunization);
  const segments: (Segment | undefined)[] = [
    mshSegment(header, ['VXU', 'V04', 'VXU_V04'], 'Z22'),
    pidSegment(patient),
    pd1Segment(patient),
    nk1Segment(patient.guardian),
    orcSegment(immunization, namespaceOf(header.sendingFacility)),
    rxaSegment(immunization),
    rxrSegment(immunization),
    ...observationSegments(immunization),
  ];
  return segments.filter((s): s is Segment => s !== undefined);
}

/** The VXU as wire text (segments ended by \r). */
export function buildVxu(input: VxuInput): string {
  return serialize(buildVxuMessage(input));
}

function requireNewAdministrationFields(immunization: VxuImmunization): void {
  const missing = [
    immunization.doseMl === undefined && 'doseMl (RXA-6)',
    !immunization.lotNumber?.trim() && 'lotNumber (RXA-15)',
    !immunization.mvx && 'mvx (RXA-17)',
    !immunization.vfcEligibility && 'vfcEligibility (OBX 64994-7)',
  ].filter((m): m is string => typeof m === 'string');
  if (missing.length > 0) {
    throw new Hl7BuildError(`A new administration needs immunization.${missing.join(', immunization.')}`);
  }
}

function orcSegment(immunization: VxuImmunization, facility: string): Segment {
  return segment('ORC', { 1: 'RE', 3: [requireText(immunization.id, 'immunization.id (ORC-3)'), facility] });
}

function rxaSegment(immunization: VxuImmunization): Segment {
  const { cvx, mvx, doseMl } = immunization;
  if (!/^\d{1,3}$/.test(cvx.code))
    throw new Hl7BuildError('immunization.cvx.code must be a CVX code (RXA-5)');
  if (mvx && !/^[A-Z]{2,3}$/.test(mvx.code))
    throw new Hl7BuildError('immunization.mvx.code must be an MVX code (RXA-17)');
  if (doseMl !== undefined && !(Number.isFinite(doseMl) && doseMl > 0 && doseMl < 999)) {
    throw new Hl7BuildError('immunization.doseMl must be a positive amount in mL (RXA-6)');
  }
  const administeredOn = toHl7Date(immunization.administeredOn, 'immunization.administeredOn (RXA-3)');
  const source = immunization.historical ? '01' : '00';
  return segment('RXA', {
    1: '0',
    2: '1',
    3: administeredOn,
    5: ce(cvx.code, requireText(cvx.name, 'immunization.cvx.name (RXA-5.2)'), 'CVX'),
    6: doseMl === undefined ? UNKNOWN_AMOUNT : String(doseMl),
    7: doseMl === undefined ? undefined : ce('mL', 'mL', 'UCUM'),
    9: ce(source, INFORMATION_SOURCES[source], 'NIP001'),
    10: immunization.administeringProvider && xcn(immunization.administeringProvider),
    11: immunization.administeredAt ? ['', '', '', immunization.administeredAt] : undefined,
    15: immunization.lotNumber?.trim(),
    16:
      immunization.lotExpiresOn && toHl7Date(immunization.lotExpiresOn, 'immunization.lotExpiresOn (RXA-16)'),
    17: mvx && ce(mvx.code, mvx.name ?? '', 'MVX'),
    20: 'CP',
    21: 'A',
  });
}

function xcn(provider: Provider): Component[] {
  const label = 'immunization.administeringProvider';
  return [
    requireText(provider.id, `${label}.id (RXA-10.1)`),
    requireText(provider.family, `${label}.family (RXA-10.2)`),
    requireText(provider.given, `${label}.given (RXA-10.3)`),
    '',
    '',
    '',
    '',
    '',
    provider.assigningAuthority ?? '',
  ];
}

function rxrSegment(immunization: VxuImmunization): Segment | undefined {
  if (!immunization.route && !immunization.site) return undefined;
  const route = immunization.route && requireCode(ROUTES, immunization.route, 'immunization.route (RXR-1)');
  const site = immunization.site && requireCode(SITES, immunization.site, 'immunization.site (RXR-2)');
  if (!route) throw new Hl7BuildError('immunization.route is required when a site is given (RXR-1)');
  return segment('RXR', {
    1: ce(route.code, route.text, 'HL70162'),
    2: site && ce(site.code, site.text, 'HL70163'),
  });
}

/**
 * The observations about the dose. OBX-4 groups them: sub-id 1 is the VFC eligibility,
 * sub-id 2 the VIS document and the date it was presented.
 */
function observationSegments(immunization: VxuImmunization): Segment[] {
  const observedOn = toHl7Date(immunization.administeredOn, 'immunization.administeredOn (RXA-3)');
  const observations: Segment[] = [];
  if (immunization.vfcEligibility) {
    const vfc = requireCode(
      VFC_ELIGIBILITY,
      immunization.vfcEligibility,
      'immunization.vfcEligibility (OBX-5)',
    );
    observations.push(
      obx(
        observations.length + 1,
        'CE',
        ['64994-7', 'Vaccine funding program eligibility category', 'LN'],
        '1',
        {
          5: ce(vfc.code, vfc.text, 'HL70064'),
          14: observedOn,
          17: ['VXC40', 'Eligibility captured at the immunization level', 'CDCPHINVS'],
        },
      ),
    );
  }
  if (immunization.vis) {
    const { vis } = immunization;
    const code = requireText(vis.documentCode, 'immunization.vis.documentCode (OBX-5)');
    const name = requireText(vis.documentName, 'immunization.vis.documentName (OBX-5.2)');
    const presentedOn = toHl7Date(vis.presentedOn, 'immunization.vis.presentedOn (OBX-5)');
    observations.push(
      obx(observations.length + 1, 'CE', ['69764-9', 'Document type', 'LN'], '2', {
        5: ce(code, name, 'cdcgs1vis'),
        14: observedOn,
      }),
      obx(observations.length + 2, 'TS', ['29769-7', 'Date vis presented', 'LN'], '2', {
        5: presentedOn,
        14: observedOn,
      }),
    );
  }
  return observations;
}

function obx(
  setId: number,
  valueType: 'CE' | 'TS',
  identifier: Component[],
  subId: string,
  rest: { 5: Component[] | string; 14: string; 17?: Component[] },
): Segment {
  return segment('OBX', { 1: String(setId), 2: valueType, 3: identifier, 4: subId, 11: 'F', ...rest });
}
