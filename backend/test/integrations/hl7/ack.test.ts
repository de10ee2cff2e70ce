import { describe, expect, it } from 'vitest';
import { buildAck, parseAck } from '../../../src/integrations/hl7/ack.js';
import { Hl7ParseError } from '../../../src/integrations/hl7/errors.js';
import { ACK_ACCEPTED, ACK_OLD_STYLE_ERR, ACK_REJECTED, ACK_WITH_ERRORS } from './samples.js';

describe('parseAck', () => {
  it('reads an acceptance: AA and the control id it acknowledges', () => {
    expect(parseAck(ACK_ACCEPTED)).toEqual({ code: 'AA', controlId: 'VXU-20240315-0001', errors: [] });
  });

  it('reads AE with each ERR: severity, codes, the most useful text and the location', () => {
    const ack = parseAck(ACK_WITH_ERRORS);
    expect(ack.code).toBe('AE');
    expect(ack.controlId).toBe('VXU-20240315-0002');
    expect(ack.errors).toEqual([
      {
        severity: 'W',
        code: '103',
        applicationCode: '5',
        text: 'Manufacturer code not recognized; the dose was stored without it',
        location: { segment: 'RXA', sequence: 1, field: 17, component: 1 },
      },
      {
        severity: 'I',
        code: '102',
        applicationCode: '4',
        text: 'Invalid value',
        location: { segment: 'PID', sequence: 1, field: 11, component: 5 },
      },
    ]);
  });

  it('reads AR sent with \\r\\n between segments', () => {
    const ack = parseAck(ACK_REJECTED);
    expect(ack.code).toBe('AR');
    expect(ack.errors).toEqual([
      {
        severity: 'E',
        code: '203',
        text: 'Only version 2.5.1 is accepted',
        location: { segment: 'MSH', sequence: 1, field: 12 },
      },
    ]);
  });

  it('reads the 2.3-style ERR-1 some registries still send', () => {
    expect(parseAck(ACK_OLD_STYLE_ERR).errors).toEqual([
      {
        severity: 'E',
        code: '101',
        text: 'Required field missing',
        location: { segment: 'RXA', sequence: 1, field: 5 },
      },
    ]);
  });

  it('refuses a message without MSA or with an unknown acknowledgement code', () => {
    expect(() => parseAck('MSH|^~\\&|IWEB\r')).toThrow(Hl7ParseError);
    expect(() => parseAck('MSH|^~\\&|IWEB\rMSA|OK|1\r')).toThrow(/MSA-1/);
  });
});

describe('buildAck', () => {
  it('writes an ACK that parseAck reads back', () => {
    const text = buildAck({
      header: {
        sendingApplication: 'IWEB',
        sendingFacility: 'STATEIIS',
        receivingApplication: 'WHITECROSS',
        receivingFacility: 'MAPLEVALLEYSD',
        messageControlId: 'ACK-1',
        createdAt: new Date('2024-03-15T19:22:06Z'),
      },
      code: 'AE',
      acknowledges: 'VXU-1',
      errors: [
        {
          severity: 'E',
          code: '101',
          text: 'RXA-15 lot number is required',
          location: { segment: 'RXA', sequence: 1, field: 15 },
        },
      ],
    });
    expect(text.split('\r')[0]).toContain('|ACK^V04^ACK|ACK-1|P|2.5.1|');
    expect(parseAck(text)).toEqual({
      code: 'AE',
      controlId: 'VXU-1',
      errors: [
        {
          severity: 'E',
          code: '101',
          text: 'RXA-15 lot number is required',
          location: { segment: 'RXA', sequence: 1, field: 15 },
        },
      ],
    });
  });
});
