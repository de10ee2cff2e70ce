import { describe, expect, it } from 'vitest';
import { Hl7BuildError } from '../../../src/integrations/hl7/errors.js';
import {
  type ParsedMessage,
  findSegment,
  findSegments,
  parse,
  value,
} from '../../../src/integrations/hl7/segments.js';
import { type VxuInput, buildVxu } from '../../../src/integrations/hl7/vxu.js';
import { storedImmunization, vxuInput } from './samples.js';

function segmentNamed(message: ParsedMessage, name: string) {
  const found = findSegment(message, name);
  expect(found, `${name} segment`).toBeDefined();
  return found;
}

describe('VXU^V04 built from a stored immunization', () => {
  const text = buildVxu(vxuInput());
  const message = parse(text);

  it('is wire text: MSH first, segments ended by carriage returns only', () => {
    expect(text.startsWith('MSH|^~\\&|')).toBe(true);
    expect(text.endsWith('\r')).toBe(true);
    expect(text).not.toContain('\n');
  });

  it('puts the segments in the order the CDC IG requires', () => {
    expect(message.map((s) => s.name)).toEqual([
      'MSH',
      'PID',
      'PD1',
      'NK1',
      'ORC',
      'RXA',
      'RXR',
      'OBX',
      'OBX',
      'OBX',
    ]);
  });

  it('fills the message header: MSH-7, 9, 10, 11, 12 and the Z22 profile', () => {
    const msh = segmentNamed(message, 'MSH');
    expect(value(msh, 3)).toBe('WHITECROSS');
    expect(value(msh, 4, 2)).toBe('2.16.840.1.113883.3.9999.1');
    expect(value(msh, 7)).toBe('20240315192205+0000');
    expect([value(msh, 9, 1), value(msh, 9, 2), value(msh, 9, 3)]).toEqual(['VXU', 'V04', 'VXU_V04']);
    expect(value(msh, 10)).toBe('VXU-20240315-0001');
    expect(value(msh, 11)).toBe('P');
    expect(value(msh, 12)).toBe('2.5.1');
    expect([value(msh, 15), value(msh, 16)]).toEqual(['ER', 'AL']);
    expect([value(msh, 21, 1), value(msh, 21, 2)]).toEqual(['Z22', 'CDCPHINVS']);
  });

  it('identifies the patient: PID-3, PID-5, PID-7 and the optional demographics', () => {
    const pid = segmentNamed(message, 'PID');
    expect([value(pid, 3, 1), value(pid, 3, 4), value(pid, 3, 5)]).toEqual([
      'S-000482',
      'MAPLEVALLEYSD',
      'MR',
    ]);
    expect([value(pid, 5, 1), value(pid, 5, 2), value(pid, 5, 3), value(pid, 5, 7)]).toEqual([
      'Okafor',
      'Amara',
      'Chidi',
      'L',
    ]);
    expect([value(pid, 6, 1), value(pid, 6, 7)]).toEqual(['Nwosu', 'M']);
    expect(value(pid, 7)).toBe('20150611');
    expect(value(pid, 8)).toBe('F');
    expect([value(pid, 10, 1), value(pid, 10, 3)]).toEqual(['2054-5', 'CDCREC']);
    expect([value(pid, 11, 3), value(pid, 11, 5), value(pid, 11, 6)]).toEqual([
      'Maple Valley',
      '98038',
      'USA',
    ]);
    expect([value(pid, 13, 2), value(pid, 13, 6), value(pid, 13, 7)]).toEqual(['PRN', '425', '5550147']);
    expect(value(pid, 22)).toBe('2186-5');
  });

  it('writes the publicity and protection choices (PD1) and the guardian (NK1)', () => {
    const pd1 = segmentNamed(message, 'PD1');
    expect([value(pd1, 11, 1), value(pd1, 11, 3)]).toEqual(['02', 'HL70215']);
    expect([value(pd1, 12), value(pd1, 13), value(pd1, 18)]).toEqual(['N', '20240315', '20240315']);
    const nk1 = segmentNamed(message, 'NK1');
    expect([value(nk1, 2, 1), value(nk1, 2, 2)]).toEqual(['Okafor', 'Ngozi']);
    expect([value(nk1, 3, 1), value(nk1, 3, 2), value(nk1, 3, 3)]).toEqual(['MTH', 'Mother', 'HL70063']);
  });

  it('orders the dose as RE with the immunization id as the filler order number', () => {
    const orc = segmentNamed(message, 'ORC');
    expect(value(orc, 1)).toBe('RE');
    expect([value(orc, 3, 1), value(orc, 3, 2)]).toEqual([storedImmunization.id, 'MAPLEVALLEYSD']);
  });

  it('fills RXA-3, 5, 6, 7, 9, 10, 15, 16, 17 for a new administration', () => {
    const rxa = segmentNamed(message, 'RXA');
    expect([value(rxa, 1), value(rxa, 2)]).toEqual(['0', '1']);
    expect(value(rxa, 3)).toBe('20240315');
    expect([value(rxa, 5, 1), value(rxa, 5, 2), value(rxa, 5, 3)]).toEqual(['03', 'MMR', 'CVX']);
    expect(value(rxa, 6)).toBe('0.5');
    expect([value(rxa, 7, 1), value(rxa, 7, 3)]).toEqual(['mL', 'UCUM']);
    expect([value(rxa, 9, 1), value(rxa, 9, 3)]).toEqual(['00', 'NIP001']);
    expect([value(rxa, 10, 1), value(rxa, 10, 2), value(rxa, 10, 3), value(rxa, 10, 9)]).toEqual([
      'RN-1187',
      'Alvarez',
      'Joy',
      'MAPLEVALLEYSD',
    ]);
    expect(value(rxa, 11, 4)).toBe('CEDARELEM');
    expect(value(rxa, 15)).toBe('Y7812K');
    expect(value(rxa, 16)).toBe('20250131');
    expect([value(rxa, 17, 1), value(rxa, 17, 3)]).toEqual(['MSD', 'MVX']);
    expect([value(rxa, 20), value(rxa, 21)]).toEqual(['CP', 'A']);
  });

  it('gives the route and site from HL7 tables 0162 and 0163 (RXR)', () => {
    const rxr = segmentNamed(message, 'RXR');
    expect([value(rxr, 1, 1), value(rxr, 1, 2), value(rxr, 1, 3)]).toEqual(['SC', 'Subcutaneous', 'HL70162']);
    expect([value(rxr, 2, 1), value(rxr, 2, 3)]).toEqual(['LA', 'HL70163']);
  });

  it('reports VFC eligibility with LOINC 64994-7, then the VIS given, grouped by OBX-4', () => {
    const [vfc, visDocument, visDate] = findSegments(message, 'OBX');
    expect([value(vfc, 1), value(vfc, 2), value(vfc, 3, 1), value(vfc, 3, 3), value(vfc, 4)]).toEqual([
      '1',
      'CE',
      '64994-7',
      'LN',
      '1',
    ]);
    expect([value(vfc, 5, 1), value(vfc, 5, 3), value(vfc, 11), value(vfc, 14)]).toEqual([
      'V02',
      'HL70064',
      'F',
      '20240315',
    ]);
    expect(value(vfc, 17)).toBe('VXC40');
    expect([
      value(visDocument, 1),
      value(visDocument, 3),
      value(visDocument, 4),
      value(visDocument, 5, 3),
    ]).toEqual(['2', '69764-9', '2', 'cdcgs1vis']);
    expect([value(visDate, 1), value(visDate, 2), value(visDate, 3), value(visDate, 5)]).toEqual([
      '3',
      'TS',
      '29769-7',
      '20240315',
    ]);
  });
});

describe('VXU escaping', () => {
  it('round-trips a patient name holding every delimiter |^~\\&', () => {
    const family = 'O|Brien^Smith~Jr\\&Co';
    const given = 'Ann&Marie';
    const text = buildVxu(vxuInput({ family, given }));
    const pidLine = text.split('\r').find((line) => line.startsWith('PID|')) ?? '';
    expect(pidLine).toContain('O\\F\\Brien\\S\\Smith\\R\\Jr\\E\\\\T\\Co^Ann\\T\\Marie');
    const pid = findSegment(parse(text), 'PID');
    expect(value(pid, 5, 1)).toBe(family);
    expect(value(pid, 5, 2)).toBe(given);
    // The fields after the name are where they belong: nothing was split by the name.
    expect(value(pid, 7)).toBe('20150611');
  });
});

describe('VXU of a historical dose', () => {
  const base = vxuInput({ historical: true });
  const input: VxuInput = {
    ...base,
    patient: { ...base.patient, guardian: undefined, publicity: undefined, protection: undefined },
    immunization: {
      id: base.immunization.id,
      cvx: { code: '20', name: 'DTaP' },
      administeredOn: '2016-08-11',
      historical: true,
    },
  };
  const message = parse(buildVxu(input));

  it('marks RXA-9 as historical and the unknown amount as 999, with no units', () => {
    const rxa = segmentNamed(message, 'RXA');
    expect([value(rxa, 9, 1), value(rxa, 9, 3)]).toEqual(['01', 'NIP001']);
    expect(value(rxa, 6)).toBe('999');
    expect(value(rxa, 7)).toBe('');
    expect(value(rxa, 15)).toBe('');
  });

  it('leaves out what is not known: no PD1, NK1, RXR or OBX', () => {
    expect(message.map((s) => s.name)).toEqual(['MSH', 'PID', 'ORC', 'RXA']);
  });
});

describe('VXU input checks', () => {
  it('refuses a new administration without amount, lot, manufacturer or VFC eligibility', () => {
    const base = vxuInput();
    const input: VxuInput = {
      ...base,
      immunization: {
        ...base.immunization,
        doseMl: undefined,
        lotNumber: ' ',
        mvx: undefined,
        vfcEligibility: undefined,
      },
    };
    expect(() => buildVxu(input)).toThrow(Hl7BuildError);
    expect(() => buildVxu(input)).toThrow(
      'A new administration needs immunization.doseMl (RXA-6), immunization.lotNumber (RXA-15), immunization.mvx (RXA-17), immunization.vfcEligibility (OBX 64994-7)',
    );
  });

  it('names a malformed field without echoing its value', () => {
    const base = vxuInput();
    const badDob = { ...base, patient: { ...base.patient, dob: '2015-02-30' } };
    expect(() => buildVxu(badDob)).toThrow('patient.dob (PID-7) must be a date written YYYY-MM-DD');
    const noFamily = { ...base, patient: { ...base.patient, name: { family: ' ', given: 'Amara' } } };
    expect(() => buildVxu(noFamily)).toThrow('patient.name (PID-5).family is required');
  });

  it('refuses codes outside their tables, even from an untyped caller', () => {
    const base = vxuInput();
    const route = { ...base, immunization: { ...base.immunization, route: 'XX' as 'IM' } };
    expect(() => buildVxu(route)).toThrow('immunization.route (RXR-1) is not a known code');
    const vfc = { ...base, immunization: { ...base.immunization, vfcEligibility: 'V09' as 'V01' } };
    expect(() => buildVxu(vfc)).toThrow('immunization.vfcEligibility (OBX-5) is not a known code');
    const cvx = { ...base, immunization: { ...base.immunization, cvx: { code: 'MMR', name: 'MMR' } } };
    expect(() => buildVxu(cvx)).toThrow(/must be a CVX code/);
  });
});
