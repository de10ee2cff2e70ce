/**
 * 271 responses written by hand from the 005010X279A1 guide, as a state Medicaid agency
 * would answer the 270s the platform sends, and the 270 input they answer.
 */
import type { Eligibility270Input } from '../../../src/integrations/x12/eligibility270.js';

export function inquiry(overrides: Partial<Eligibility270Input['subscriber']> = {}): Eligibility270Input {
  return {
    envelope: {
      senderId: 'WHITECROSS',
      receiverId: 'WAMEDICAID',
      controlNumber: 4417,
      createdAt: new Date('2024-03-16T17:15:00Z'),
      usage: 'T',
    },
    traceNumber: 'EV-20240316-0009',
    traceOriginatorId: '9WHTCRS001',
    payer: { name: 'Washington Apple Health', id: 'WAMCD' },
    provider: { npi: '1234567893', organizationName: 'Cedar Elementary Health Office' },
    subscriber: {
      memberId: 'WA0048812734',
      lastName: 'Okafor',
      firstName: 'Amara',
      middleName: 'C',
      dob: '2015-06-11',
      gender: 'F',
      ...overrides,
    },
    dateOfService: '2024-03-16',
  };
}

/** Wraps transaction sets in the payer's interchange and group. */
function interchange(sets: string[], separator = '~'): string {
  return (
    [
      'ISA*00*          *00*          *ZZ*WAMEDICAID     *ZZ*WHITECROSS     *240316*1015*^*00501*000004417*0*T*:',
      'GS*HB*WAMEDICAID*WHITECROSS*20240316*1015*4417*X*005010X279A1',
      ...sets,
      'GE*1*4417',
      'IEA*1*000004417',
    ].join(separator) + separator
  );
}

const PAYER_AND_PROVIDER = [
  'HL*1**20*1',
  'NM1*PR*2*WASHINGTON APPLE HEALTH*****PI*WAMCD',
  'HL*2*1*21*1',
  'NM1*1P*2*CEDAR ELEMENTARY HEALTH OFFICE*****XX*1234567893',
];

/**
 * Active coverage (EB*1) with a plan period, a primary care provider in a 2120 loop (whose
 * NM1 and name must not be taken for the student's) and a co-payment benefit. Segments are
 * separated by "~" and a line break, as many payers send them.
 */
export const RESPONSE_ACTIVE = interchange(
  [
    'ST*271*0001*005010X279A1',
    'BHT*0022*11*EV-20240316-0009*20240316*1015',
    ...PAYER_AND_PROVIDER,
    'HL*3*2*22*0',
    'TRN*2*EV-20240316-0009*9WHTCRS001',
    'TRN*1*271-88120-3*1916001049',
    'NM1*IL*1*OKAFOR*AMARA*C***MI*WA0048812734',
    'N3*1400 CEDAR HOLLOW RD',
    'N4*MAPLE VALLEY*WA*98038',
    'DMG*D8*20150611*F',
    'DTP*346*D8*20230901',
    'EB*1*IND*30^1^35^88^AL*MC*APPLE HEALTH FOR KIDS',
    'DTP*307*RD8*20240101-20241231',
    'EB*L',
    'LS*2120',
    'NM1*P3*1*REYES*LUCIA****XX*1245319599',
    'LE*2120',
    'EB*B*IND*98*MC**27*0',
    'MSG*NO COPAY FOR CHILDREN UNDER 19',
    'SE*23*0001',
  ],
  '~\n',
);

/** Coverage ended (EB*6). */
export const RESPONSE_INACTIVE = interchange([
  'ST*271*0002*005010X279A1',
  'BHT*0022*11*EV-20240316-0010*20240316*1016',
  ...PAYER_AND_PROVIDER,
  'HL*3*2*22*0',
  'TRN*2*EV-20240316-0010*9WHTCRS001',
  'NM1*IL*1*BAPTISTE*JONAH****MI*WA0051120987',
  'DMG*D8*20140203*M',
  'EB*6*IND*30*MC',
  'DTP*307*RD8*20220901-20231231',
  'SE*13*0002',
]);

/** The member id is not on file: AAA*N**72, correct and resubmit. */
export const RESPONSE_REJECTED = interchange([
  'ST*271*0003*005010X279A1',
  'BHT*0022*11*EV-20240316-0011*20240316*1017',
  ...PAYER_AND_PROVIDER,
  'HL*3*2*22*0',
  'TRN*2*EV-20240316-0011*9WHTCRS001',
  'NM1*IL*1*LINDQVIST*SAGA****MI*WA0000000001',
  'AAA*N**72*C',
  'SE*11*0003',
]);

/** A commercial plan answering about the student as a dependent of a parent (2000D). */
export const RESPONSE_DEPENDENT = interchange([
  'ST*271*0004*005010X279A1',
  'BHT*0022*11*EV-20240316-0012*20240316*1018',
  'HL*1**20*1',
  'NM1*PR*2*CASCADE KIDS HEALTH PLAN*****PI*CKHP1',
  'HL*2*1*21*1',
  'NM1*1P*2*CEDAR ELEMENTARY HEALTH OFFICE*****XX*1234567893',
  'HL*3*2*22*1',
  'NM1*IL*1*HALVORSEN*INGRID****MI*CK77120044',
  'HL*4*3*23*0',
  'TRN*2*EV-20240316-0012*9WHTCRS001',
  'NM1*03*1*HALVORSEN*ELI',
  'DMG*D8*20160422*M',
  'EB*1*FAM*30**CASCADE KIDS PPO',
  'SE*14*0004',
]);
