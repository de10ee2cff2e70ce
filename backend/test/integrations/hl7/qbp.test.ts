import { describe, expect, it } from 'vitest';
import { Hl7BuildError } from '../../../src/integrations/hl7/errors.js';
import {
  type ImmunizationHistoryQuery,
  buildQbpQ11,
  parseRspK11,
} from '../../../src/integrations/hl7/qbp.js';
import { findSegment, parse, value } from '../../../src/integrations/hl7/segments.js';
import { ACK_REJECTED, RSP_CANDIDATES, RSP_HISTORY, RSP_NOT_FOUND } from './samples.js';

const query: ImmunizationHistoryQuery = {
  header: {
    sendingApplication: 'WHITECROSS',
    sendingFacility: 'MAPLEVALLEYSD',
    receivingApplication: 'IWEB',
    receivingFacility: 'STATEIIS',
    messageControlId: 'QRY-7781',
    createdAt: new Date('2024-03-16T17:15:00Z'),
  },
  queryTag: 'QT-7781',
  patient: {
    id: 'S-000482',
    assigningAuthority: 'MAPLEVALLEYSD',
    name: { family: 'Okafor', given: 'Amara', middle: 'Chidi' },
    motherMaidenName: 'Nwosu',
    dob: '2015-06-11',
    sex: 'F',
  },
};

describe('buildQbpQ11', () => {
  const message = parse(buildQbpQ11(query));

  it('is MSH, QPD, RCP with the Z34 query profile', () => {
    expect(message.map((s) => s.name)).toEqual(['MSH', 'QPD', 'RCP']);
    const msh = findSegment(message, 'MSH');
    expect([value(msh, 9, 1), value(msh, 9, 2), value(msh, 9, 3)]).toEqual(['QBP', 'Q11', 'QBP_Q11']);
    expect([value(msh, 10), value(msh, 12), value(msh, 21)]).toEqual(['QRY-7781', '2.5.1', 'Z34']);
  });

  it('asks for the immunization history of the patient by id, name, mother and birth date', () => {
    const qpd = findSegment(message, 'QPD');
    expect([value(qpd, 1, 1), value(qpd, 1, 2), value(qpd, 1, 3)]).toEqual([
      'Z34',
      'Request Immunization History',
      'CDCPHINVS',
    ]);
    expect(value(qpd, 2)).toBe('QT-7781');
    expect([value(qpd, 3, 1), value(qpd, 3, 4), value(qpd, 3, 5)]).toEqual([
      'S-000482',
      'MAPLEVALLEYSD',
      'MR',
    ]);
    expect([value(qpd, 4, 1), value(qpd, 4, 2), value(qpd, 4, 3)]).toEqual(['Okafor', 'Amara', 'Chidi']);
    expect([value(qpd, 5, 1), value(qpd, 5, 7)]).toEqual(['Nwosu', 'M']);
    expect([value(qpd, 6), value(qpd, 7)]).toEqual(['20150611', 'F']);
  });

  it('asks for an immediate, real-time answer of at most 10 candidates', () => {
    const rcp = findSegment(message, 'RCP');
    expect(value(rcp, 1)).toBe('I');
    expect([value(rcp, 2, 1), value(rcp, 2, 2, 1), value(rcp, 2, 2, 3)]).toEqual(['10', 'RD', 'HL70126']);
    expect(value(rcp, 3)).toBe('R');
  });

  it('refuses an id without the authority that assigned it', () => {
    const withoutAuthority = { ...query, patient: { ...query.patient, assigningAuthority: undefined } };
    expect(() => buildQbpQ11(withoutAuthority)).toThrow(Hl7BuildError);
  });
});

describe('parseRspK11', () => {
  it('reads the matched patient and two importable doses, leaving out what was not given', () => {
    const rsp = parseRspK11(RSP_HISTORY);
    expect(rsp).toMatchObject({ ackCode: 'AA', queryTag: 'QT-7781', status: 'OK', profile: 'Z32' });
    expect(rsp.patient).toEqual({
      identifiers: [
        { id: '8830211', assigningAuthority: 'STATEIIS', type: 'SR' },
        { id: 'S-000482', assigningAuthority: 'MAPLEVALLEYSD', type: 'MR' },
      ],
      family: 'Okafor',
      given: 'Amara',
      middle: 'Chidi',
      dob: '2015-06-11',
      sex: 'F',
    });
    expect(rsp.immunizations).toEqual([
      { cvx: '20', vaccineName: 'DTaP', administeredOn: '2015-08-11', historical: true },
      {
        cvx: '03',
        vaccineName: 'MMR',
        administeredOn: '2016-06-14',
        lotNumber: 'Y7812K',
        manufacturer: 'MSD',
        historical: false,
      },
    ]);
    // The RXA coded with LOINC instead of CVX cannot be imported, and is counted.
    expect(rsp.unreadable).toBe(1);
  });

  it('reads "not found" with no patient and no doses', () => {
    const rsp = parseRspK11(RSP_NOT_FOUND);
    expect(rsp).toMatchObject({
      status: 'NF',
      profile: 'Z33',
      patient: null,
      candidates: [],
      immunizations: [],
    });
  });

  it('returns candidates, and no doses, when several patients match', () => {
    const rsp = parseRspK11(RSP_CANDIDATES);
    expect(rsp.status).toBe('OK');
    expect(rsp.patient).toBeNull();
    expect(rsp.candidates.map((c) => c.identifiers[0]?.id)).toEqual(['8830211', '8830977']);
    expect(rsp.immunizations).toEqual([]);
  });

  it('takes the status from MSA when a registry answers a malformed query with an ACK', () => {
    const rsp = parseRspK11(ACK_REJECTED);
    expect(rsp.status).toBe('AR');
    expect(rsp.errors[0]?.code).toBe('203');
  });
});
