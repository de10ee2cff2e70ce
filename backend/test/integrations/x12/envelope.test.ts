import { describe, expect, it } from 'vitest';
import {
  type InterchangeOptions,
  buildInterchange,
  buildIsa,
} from '../../../src/integrations/x12/envelope.js';
import { parseInterchange, readX12Delimiters } from '../../../src/integrations/x12/envelopeParser.js';
import { X12BuildError, X12ParseError } from '../../../src/integrations/x12/errors.js';
import { x12Segment } from '../../../src/integrations/x12/segments.js';

const options: InterchangeOptions = {
  senderId: 'WHITECROSS',
  receiverId: 'WAMEDICAID',
  controlNumber: 4417,
  createdAt: new Date('2024-03-16T17:05:00Z'),
  usage: 'T',
};

const group = {
  functionalId: 'HS',
  applicationSenderCode: 'WHITECROSS',
  applicationReceiverCode: 'WAMEDICAID',
  controlNumber: 4417,
  version: '005010X279A1',
};

function sample(): string {
  return buildInterchange({
    interchange: options,
    group,
    transactions: [
      {
        setId: '270',
        controlNumber: '0001',
        segments: [x12Segment('BHT', '0022', '13', 'T1'), x12Segment('EQ', '30')],
      },
      { setId: '270', controlNumber: '0002', segments: [x12Segment('BHT', '0022', '13', 'T2')] },
    ],
  });
}

describe('ISA', () => {
  it('is exactly 106 characters, its fixed-width elements padded', () => {
    const isa = buildIsa(options);
    expect(isa).toHaveLength(106);
    expect(isa).toBe(
      'ISA*00*          *00*          *ZZ*WHITECROSS     *ZZ*WAMEDICAID     *240316*1705*^*00501*000004417*0*T*:~',
    );
  });

  it('refuses ids too long for their width or holding a delimiter, and bad control numbers', () => {
    expect(() => buildIsa({ ...options, senderId: 'A-VERY-LONG-SENDER-ID' })).toThrow(X12BuildError);
    expect(() => buildIsa({ ...options, receiverId: 'WA*MEDICAID' })).toThrow(/ISA08/);
    expect(() => buildIsa({ ...options, controlNumber: 1_000_000_000 })).toThrow(/ISA13/);
    expect(() => buildIsa({ ...options, controlNumber: 0 })).toThrow(/ISA13/);
  });
});

describe('interchange envelopes', () => {
  it('counts segments in SE and transactions in GE, with matching control numbers', () => {
    const segments = sample().split('~');
    expect(segments).toContain('SE*4*0001');
    expect(segments).toContain('SE*3*0002');
    expect(segments).toContain('GS*HS*WHITECROSS*WAMEDICAID*20240316*1705*4417*X*005010X279A1');
    expect(segments).toContain('GE*2*4417');
    expect(segments.at(-2)).toBe('IEA*1*000004417');
  });

  it('parses back what it builds', () => {
    const parsed = parseInterchange(sample());
    expect(parsed).toMatchObject({
      senderId: 'WHITECROSS',
      receiverId: 'WAMEDICAID',
      controlNumber: '000004417',
      usage: 'T',
    });
    expect(parsed.groups).toHaveLength(1);
    expect(
      parsed.groups[0]?.transactions.map((t) => [t.setId, t.controlNumber, t.version, t.segments.length]),
    ).toEqual([
      ['270', '0001', '005010X279A1', 2],
      ['270', '0002', '005010X279A1', 1],
    ]);
  });

  it('uses the delimiters the ISA declares', () => {
    const custom = { element: '|', component: '>', repetition: '!', segment: '\n' };
    const text = buildInterchange(
      {
        interchange: options,
        group,
        transactions: [
          {
            setId: '270',
            controlNumber: '0001',
            segments: [x12Segment('EB', '1', 'IND', { repeat: ['30', 'AL'] })],
          },
        ],
      },
      custom,
    );
    expect(readX12Delimiters(text)).toEqual(custom);
    const eb = parseInterchange(text).groups[0]?.transactions[0]?.segments[0];
    expect(eb?.elements[2]).toEqual([['30'], ['AL']]);
  });

  it('reads a pre-5010 ISA11 as "no repetition separator"', () => {
    const isa = buildIsa(options).replace('*^*00501*', '*U*00401*');
    expect(readX12Delimiters(isa)).toEqual({ element: '*', component: ':', repetition: '', segment: '~' });
  });

  it('refuses a transaction whose SE count is wrong', () => {
    expect(() => parseInterchange(sample().replace('SE*4*0001', 'SE*5*0001'))).toThrow(
      new X12ParseError('SE01 says 5 but there are 4'),
    );
  });

  it('refuses mismatched control numbers and a missing trailer', () => {
    expect(() => parseInterchange(sample().replace('SE*3*0002', 'SE*3*0003'))).toThrow(
      /SE02 does not match ST02/,
    );
    expect(() => parseInterchange(sample().replace('GE*2*4417', 'GE*2*4418'))).toThrow(/GE02/);
    expect(() => parseInterchange(sample().replace('IEA*1*000004417~', ''))).toThrow(/not closed by IEA/);
    expect(() => parseInterchange('GS*HS*A*B~')).toThrow(/ISA/);
  });
});
