/**
 * Sample data for the HL7 tests: a stored immunization as the database holds it, and
 * registry answers written by hand from the CDC IG for Immunization Messaging 2.5.1 R1.5.
 */
import type { VxuInput } from '../../../src/integrations/hl7/vxu.js';

/** A row of student_immunizations, as the registry client will read it. */
export const storedImmunization = {
  id: '5b0e5c1e-8f6a-4c55-9d0e-2f4d1f7b9a31',
  cvxCode: '03',
  administeredOn: '2024-03-15',
  doseNumber: 2,
  lotNumber: 'Y7812K',
  mvxCode: 'MSD',
  source: 'ADMINISTERED' as 'ADMINISTERED' | 'HISTORICAL',
};

export function vxuInput(
  overrides: { family?: string; given?: string; historical?: boolean } = {},
): VxuInput {
  const row = storedImmunization;
  const historical = overrides.historical ?? row.source === 'HISTORICAL';
  return {
    header: {
      sendingApplication: 'WHITECROSS',
      sendingFacility: {
        namespaceId: 'MAPLEVALLEYSD',
        universalId: '2.16.840.1.113883.3.9999.1',
        universalIdType: 'ISO',
      },
      receivingApplication: 'IWEB',
      receivingFacility: 'STATEIIS',
      messageControlId: 'VXU-20240315-0001',
      createdAt: new Date('2024-03-15T19:22:05Z'),
      processingId: 'P',
      sendingResponsibleOrganization: 'MAPLEVALLEYSD',
    },
    patient: {
      id: 'S-000482',
      assigningAuthority: 'MAPLEVALLEYSD',
      name: { family: overrides.family ?? 'Okafor', given: overrides.given ?? 'Amara', middle: 'Chidi' },
      motherMaidenName: 'Nwosu',
      dob: '2015-06-11',
      sex: 'F',
      race: '2054-5',
      ethnicity: '2186-5',
      address: { street: '1400 Cedar Hollow Rd', city: 'Maple Valley', state: 'WA', zip: '98038' },
      phone: { areaCode: '425', number: '5550147' },
      publicity: { code: '02', effectiveOn: '2024-03-15' },
      protection: { indicator: 'N', effectiveOn: '2024-03-15' },
      guardian: { name: { family: 'Okafor', given: 'Ngozi' }, relationship: 'MTH' },
    },
    immunization: {
      id: row.id,
      cvx: { code: row.cvxCode, name: 'MMR' },
      administeredOn: row.administeredOn,
      historical,
      mvx: { code: row.mvxCode, name: 'Merck and Co., Inc.' },
      lotNumber: row.lotNumber,
      lotExpiresOn: '2025-01-31',
      doseMl: 0.5,
      route: 'SC',
      site: 'LA',
      administeringProvider: {
        id: 'RN-1187',
        family: 'Alvarez',
        given: 'Joy',
        assigningAuthority: 'MAPLEVALLEYSD',
      },
      administeredAt: 'CEDARELEM',
      vfcEligibility: 'V02',
      vis: { documentCode: '253088698300012711120420', documentName: 'MMR', presentedOn: '2024-03-15' },
    },
  };
}

const ACK_HEADER =
  'MSH|^~\\&|IWEB|STATEIIS|WHITECROSS|MAPLEVALLEYSD|20240315142210-0700||ACK^V04^ACK|ACK-55012|P|2.5.1|||NE|NE|||||Z23^CDCPHINVS';

export const ACK_ACCEPTED = [ACK_HEADER, 'MSA|AA|VXU-20240315-0001'].join('\r') + '\r';

/** Accepted with a warning and an informational note, each with its location. */
export const ACK_WITH_ERRORS = [
  ACK_HEADER,
  'MSA|AE|VXU-20240315-0002',
  'ERR||RXA^1^17^1^1|103^Table value not found^HL70357|W|5^Table value not found^HL70533|||Manufacturer code not recognized; the dose was stored without it',
  'ERR||PID^1^11^1^5|102^Data type error^HL70357|I|4^Invalid value^HL70533',
].join('\r');

/** Rejected, with line feeds between segments as some registries send. */
export const ACK_REJECTED = [
  ACK_HEADER,
  'MSA|AR|VXU-20240315-0003',
  'ERR||MSH^1^12|203^Unsupported version id^HL70357|E||||Only version 2.5.1 is accepted',
].join('\r\n');

/** A registry still writing the 2.3-style ERR-1 (segment^sequence^field^code). */
export const ACK_OLD_STYLE_ERR = [
  ACK_HEADER,
  'MSA|AE|VXU-20240315-0004',
  'ERR|RXA^1^5^101&Required field missing&HL70357',
].join('\n');

const RSP_QPD =
  'QPD|Z34^Request Immunization History^CDCPHINVS|QT-7781|S-000482^^^MAPLEVALLEYSD^MR|Okafor^Amara^Chidi^^^^L||20150611|F';

/** Profile Z32: the one patient matched, two doses, and a record of a dose not given. */
export const RSP_HISTORY = [
  'MSH|^~\\&|IWEB|STATEIIS|WHITECROSS|MAPLEVALLEYSD|20240316101502-0700||RSP^K11^RSP_K11|RSP-0042|P|2.5.1|||NE|NE|||||Z32^CDCPHINVS',
  'MSA|AA|QRY-7781',
  'QAK|QT-7781|OK|Z34^Request Immunization History^CDCPHINVS',
  RSP_QPD,
  'PID|1||8830211^^^STATEIIS^SR~S-000482^^^MAPLEVALLEYSD^MR||Okafor^Amara^Chidi^^^^L|Nwosu^^^^^^M|20150611|F',
  'ORC|RE||9120881^STATEIIS',
  'RXA|0|1|20150811||20^DTaP^CVX|999|||01^Historical information - source unspecified^NIP001||||||||||CP|A',
  'ORC|RE||9120882^STATEIIS',
  'RXA|0|1|20160614||03^MMR^CVX|0.5|mL^mL^UCUM||00^New immunization record^NIP001|4471^Reyes^Lucia^^^^^^NPI|^^^RIVERSIDEPEDS||||Y7812K|20170131|MSD^Merck and Co., Inc.^MVX|||CP|A',
  'RXR|SC^Subcutaneous^HL70162|LT^Left Thigh^HL70163',
  'OBX|1|CE|64994-7^Vaccine funding program eligibility category^LN|1|V02^VFC eligible - Medicaid/Medicaid Managed Care^HL70064||||||F|||20160614',
  'ORC|RE||9120883^STATEIIS',
  'RXA|0|1|20160701||998^No vaccine administered^CVX|999||||||||||||NA|A',
  'ORC|RE||9999^STATEIIS',
  'RXA|0|1|20190301||30979^Not a vaccine^LN|999',
].join('\r');

/** Profile Z33: nobody matched. */
export const RSP_NOT_FOUND = [
  'MSH|^~\\&|IWEB|STATEIIS|WHITECROSS|MAPLEVALLEYSD|20240316101502-0700||RSP^K11^RSP_K11|RSP-0043|P|2.5.1|||NE|NE|||||Z33^CDCPHINVS',
  'MSA|AA|QRY-7782',
  'QAK|QT-7782|NF|Z34^Request Immunization History^CDCPHINVS',
  RSP_QPD.replace('QT-7781', 'QT-7782'),
].join('\r');

/** Profile Z31: two candidates and no history; one PID-3 repetition carries no id. */
export const RSP_CANDIDATES = [
  'MSH|^~\\&|IWEB|STATEIIS|WHITECROSS|MAPLEVALLEYSD|20240316101502-0700||RSP^K11^RSP_K11|RSP-0044|P|2.5.1|||NE|NE|||||Z31^CDCPHINVS',
  'MSA|AA|QRY-7783',
  'QAK|QT-7783|OK|Z34^Request Immunization History^CDCPHINVS',
  RSP_QPD.replace('QT-7781', 'QT-7783'),
  'PID|1||8830211^^^STATEIIS^SR||Okafor^Amara^^^^^L||20150611|F',
  'PID|2||^^^STATEIIS^SR~8830977^^^STATEIIS^SR||Okafor^Amara^Ife^^^^L||20150611|F',
].join('\r');
