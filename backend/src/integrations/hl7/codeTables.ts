/**
 * The code tables the immunization messages use, with the display text sent beside each
 * code (CE/CWE: code^text^coding system). Only the codes a school nurse's records need are
 * listed; a code outside them is refused when building, so a typo never reaches the registry.
 */

/** HL7 table 0162, route of administration (the routes vaccines use). */
export const ROUTES = {
  ID: 'Intradermal',
  IM: 'Intramuscular',
  IN: 'Intranasal',
  NS: 'Nasal',
  PO: 'Oral',
  SC: 'Subcutaneous',
  TD: 'Transdermal',
} as const;
export type RouteCode = keyof typeof ROUTES;

/** HL7 table 0163, administrative site. */
export const SITES = {
  LA: 'Left Arm',
  LD: 'Left Deltoid',
  LG: 'Left Gluteous Medius',
  LLFA: 'Left Lower Forearm',
  LT: 'Left Thigh',
  LVL: 'Left Vastus Lateralis',
  RA: 'Right Arm',
  RD: 'Right Deltoid',
  RG: 'Right Gluteous Medius',
  RLFA: 'Right Lower Forearm',
  RT: 'Right Thigh',
  RVL: 'Right Vastus Lateralis',
} as const;
export type SiteCode = keyof typeof SITES;

/** HL7 table 0064 as the CDC IG defines it: VFC eligibility, reported with LOINC 64994-7. */
export const VFC_ELIGIBILITY = {
  V01: 'Not VFC eligible',
  V02: 'VFC eligible - Medicaid/Medicaid Managed Care',
  V03: 'VFC eligible - Uninsured',
  V04: 'VFC eligible - American Indian/Alaskan Native',
  V05: 'VFC eligible - Underinsured at FQHC/RHC',
  V06: 'VFC eligible - State specific eligibility',
  V07: 'Local-specific eligibility',
} as const;
export type VfcEligibilityCode = keyof typeof VFC_ELIGIBILITY;

/** CDC table NIP001, immunization information source (RXA-9). */
export const INFORMATION_SOURCES = {
  '00': 'New immunization record',
  '01': 'Historical information - source unspecified',
} as const;

/** CDC race and ethnicity codes (CDCREC), PID-10 and PID-22. */
export const RACES = {
  '1002-5': 'American Indian or Alaska Native',
  '2028-9': 'Asian',
  '2054-5': 'Black or African-American',
  '2076-8': 'Native Hawaiian or Other Pacific Islander',
  '2106-3': 'White',
  '2131-1': 'Other Race',
} as const;
export type RaceCode = keyof typeof RACES;

export const ETHNICITIES = {
  '2135-2': 'Hispanic or Latino',
  '2186-5': 'Not Hispanic or Latino',
} as const;
export type EthnicityCode = keyof typeof ETHNICITIES;

/** HL7 table 0063, relationship (NK1-3), for the people who answer for a student. */
export const RELATIONSHIPS = {
  MTH: 'Mother',
  FTH: 'Father',
  PAR: 'Parent',
  GRD: 'Guardian',
  GRP: 'Grandparent',
  CGV: 'Care giver',
  FCH: 'Foster child',
  OTH: 'Other',
} as const;
export type RelationshipCode = keyof typeof RELATIONSHIPS;

/** HL7 table 0215, publicity code (PD1-11): may the registry send reminders and recalls. */
export const PUBLICITY = {
  '01': 'No reminder/recall',
  '02': 'Reminder/recall - any method',
  '03': 'Reminder/recall - no calls',
  '04': 'Reminder only - any method',
  '05': 'Reminder only - no calls',
  '06': 'Recall only - any method',
  '07': 'Recall only - no calls',
} as const;
export type PublicityCode = keyof typeof PUBLICITY;

/** HL7 table 0001 as the CDC IG constrains it. */
export const SEXES = ['F', 'M', 'U'] as const;
export type Sex = (typeof SEXES)[number];

/** Looks a code up in a table; a value outside it (e.g. from an untyped caller) is refused. */
export function lookup<T extends Record<string, string>>(table: T, code: string): string | undefined {
  return Object.hasOwn(table, code) ? table[code as keyof T] : undefined;
}
