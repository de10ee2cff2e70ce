import { describe, expect, it } from 'vitest';
import { build270, isValidNpi } from '../../../src/integrations/x12/eligibility270.js';
import { parseInterchange } from '../../../src/integrations/x12/envelopeParser.js';
import { X12BuildError } from '../../../src/integrations/x12/errors.js';
import { inquiry } from './samples.js';

describe('build270', () => {
  const text = build270(inquiry());
  const segments = text.split('~').filter((s) => s !== '');

  it('starts with a 106-character ISA and ends with the IEA of the same control number', () => {
    expect(text.indexOf('~') + 1).toBe(106);
    expect(segments[0]).toMatch(/^ISA\*00\* {10}\*00\* {10}\*ZZ\*WHITECROSS {5}\*ZZ\*WAMEDICAID {5}\*/);
    expect(segments[0]?.split('*')[13]).toBe('000004417');
    expect(segments.at(-1)).toBe('IEA*1*000004417');
  });

  it('holds the segments of a 005010X279A1 inquiry in order', () => {
    expect(segments).toEqual([
      segments[0],
      'GS*HS*WHITECROSS*WAMEDICAID*20240316*1715*4417*X*005010X279A1',
      'ST*270*0001*005010X279A1',
      'BHT*0022*13*EV-20240316-0009*20240316*1715',
      'HL*1**20*1',
      'NM1*PR*2*WASHINGTON APPLE HEALTH*****PI*WAMCD',
      'HL*2*1*21*1',
      'NM1*1P*2*CEDAR ELEMENTARY HEALTH OFFICE*****XX*1234567893',
      'HL*3*2*22*0',
      'TRN*1*EV-20240316-0009*9WHTCRS001',
      'NM1*IL*1*OKAFOR*AMARA*C***MI*WA0048812734',
      'DMG*D8*20150611*F',
      'DTP*291*D8*20240316',
      'EQ*30',
      'SE*13*0001',
      'GE*1*4417',
      'IEA*1*000004417',
    ]);
  });

  it('counts ST through SE in SE01, and its envelopes parse back', () => {
    const st = segments.indexOf('ST*270*0001*005010X279A1');
    const se = segments.findIndex((s) => s.startsWith('SE*'));
    expect(segments[se]).toBe(`SE*${se - st + 1}*0001`);
    const parsed = parseInterchange(text);
    expect(parsed.groups[0]?.transactions[0]?.setId).toBe('270');
  });

  it('links the hierarchical levels: payer 20, provider 21 under it, subscriber 22 under that', () => {
    const hl = segments.filter((s) => s.startsWith('HL*')).map((s) => s.split('*'));
    expect(hl.map(([, id, parent, level, hasChild]) => ({ id, parent, level, hasChild }))).toEqual([
      { id: '1', parent: '', level: '20', hasChild: '1' },
      { id: '2', parent: '1', level: '21', hasChild: '1' },
      { id: '3', parent: '2', level: '22', hasChild: '0' },
    ]);
  });

  it('asks about several service types with one EQ each', () => {
    const text = build270({ ...inquiry(), serviceTypes: ['30', '98', 'AL'] });
    expect(text).toContain('~EQ*30~EQ*98~EQ*AL~SE*15*0001~');
  });

  it('searches by name and date of birth when the member id is not known', () => {
    const text = build270(inquiry({ memberId: undefined, middleName: undefined }));
    expect(text).toContain('~NM1*IL*1*OKAFOR*AMARA~DMG*D8*20150611*F~');
  });

  it('cleans names (X12 has no escape) but refuses a member id it would have to change', () => {
    const text = build270(inquiry({ lastName: "O'Brien*Smith~Jr", firstName: 'Zoë' }));
    expect(text).toContain("~NM1*IL*1*O'BRIEN SMITH JR*ZOE*C***MI*WA0048812734~");
    expect(() => build270(inquiry({ memberId: 'WA*0048812734' }))).toThrow(
      new X12BuildError(
        'subscriber.memberId (NM109) must be 2 to 80 printable characters without delimiters',
      ),
    );
  });

  it('refuses a subscriber it cannot search for, an invalid NPI and a bad date', () => {
    expect(() => build270(inquiry({ memberId: undefined, dob: undefined }))).toThrow(
      /memberId, or a lastName/,
    );
    expect(() => build270({ ...inquiry(), provider: { npi: '1234567890', organizationName: 'X' } })).toThrow(
      /NPI/,
    );
    expect(() => build270({ ...inquiry(), dateOfService: '2024-02-30' })).toThrow(/dateOfService/);
    expect(() => build270({ ...inquiry(), traceOriginatorId: 'WHITECROSS' })).toThrow(/TRN03/);
  });
});

describe('isValidNpi', () => {
  it('checks the Luhn digit over the 80840 prefix', () => {
    expect(['1234567893', '1245319599'].map(isValidNpi)).toEqual([true, true]);
    expect(['1234567890', '123456789', '12345678931', 'ABCDEFGHIJ'].map(isValidNpi)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
