import { describe, expect, it } from 'vitest';
import { Hl7BuildError, Hl7ParseError } from '../../../src/integrations/hl7/errors.js';
import {
  findSegment,
  findSegments,
  parse,
  repetitions,
  segment,
  serialize,
  value,
} from '../../../src/integrations/hl7/segments.js';

const header = segment('MSH', { 3: 'WHITECROSS', 9: ['VXU', 'V04', 'VXU_V04'], 10: 'C1', 12: '2.5.1' });

describe('HL7 segments', () => {
  it('numbers fields as the standard does, MSH-1 and MSH-2 being the delimiters', () => {
    const text = serialize([header, segment('PID', { 1: '1', 3: 'S-1', 5: ['Okafor', 'Amara'] })]);
    expect(text).toBe('MSH|^~\\&|WHITECROSS||||||VXU^V04^VXU_V04|C1||2.5.1\rPID|1||S-1||Okafor^Amara\r');
    const [msh, pid] = parse(text);
    expect(value(msh, 1)).toBe('|');
    expect(value(msh, 2)).toBe('^~\\&');
    expect(value(msh, 3)).toBe('WHITECROSS');
    expect(value(msh, 9, 2)).toBe('V04');
    expect(value(pid, 5, 2)).toBe('Amara');
  });

  it('writes repetitions and subcomponents, and leaves trailing empty parts out', () => {
    const pid = segment('PID', {
      3: {
        repeat: [
          ['8830211', '', '', 'STATEIIS', 'SR'],
          ['S-1', '', '', 'MAPLE', 'MR'],
        ],
      },
      5: ['Okafor', 'Amara', '', '', ''],
      11: ['1400 Cedar', '', '', '', '', '', ''],
      13: null,
      20: undefined,
    });
    const text = serialize([header, pid]);
    expect(text.split('\r')[1]).toBe(
      'PID|||8830211^^^STATEIIS^SR~S-1^^^MAPLE^MR||Okafor^Amara||||||1400 Cedar',
    );
    const rcp = serialize([header, segment('RCP', { 2: ['10', ['RD', 'Records', 'HL70126']] })]);
    expect(rcp.split('\r')[1]).toBe('RCP||10^RD&Records&HL70126');
    expect(value(parse(rcp)[1], 2, 2, 2)).toBe('Records');
  });

  it('reads every repetition of a field', () => {
    const message = parse('MSH|^~\\&|A\rPID|1||8830211^^^STATEIIS^SR~S-1^^^MAPLE^MR~');
    expect(repetitions(findSegment(message, 'PID'), 3)).toEqual([
      ['8830211', '', '', 'STATEIIS', 'SR'],
      ['S-1', '', '', 'MAPLE', 'MR'],
    ]);
  });

  it('accepts \\n, \\r\\n, blank lines and an MLLP frame between segments', () => {
    const text = '\u000bMSH|^~\\&|A\r\nPID|1\n\nOBX|1\rOBX|2\r\u001c\r';
    expect(parse(text).map((s) => s.name)).toEqual(['MSH', 'PID', 'OBX', 'OBX']);
    expect(findSegments(parse(text), 'OBX').map((s) => value(s, 1))).toEqual(['1', '2']);
  });

  it('answers an empty string for fields and components that are absent', () => {
    const [, pid] = parse('MSH|^~\\&|A\rPID|1');
    expect(value(pid, 5, 3)).toBe('');
    expect(value(undefined, 1)).toBe('');
    expect(repetitions(pid, 3)).toEqual([]);
  });

  it('refuses text that is not a message, and a segment without a valid name', () => {
    expect(() => parse('hello')).toThrow(Hl7ParseError);
    expect(() => parse('MSH|^~\\&|A\rpid|1')).toThrow(/Segment 2/);
    expect(() => serialize([segment('Pid', { 1: '1' })])).toThrow(Hl7BuildError);
  });
});
