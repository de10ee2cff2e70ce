import { describe, expect, it } from 'vitest';
import { X12BuildError } from '../../../src/integrations/x12/errors.js';
import {
  cleanText,
  element,
  elementRepetitions,
  parseSegments,
  serializeSegment,
  x12Segment,
  DEFAULT_X12_DELIMITERS as d,
} from '../../../src/integrations/x12/segments.js';

describe('X12 segments', () => {
  it('writes elements, composites and repetitions, leaving trailing empty ones out', () => {
    expect(
      serializeSegment(x12Segment('NM1', 'PR', '2', 'PAYER', '', '', '', '', 'PI', 'WAMCD', '', null)),
    ).toBe('NM1*PR*2*PAYER*****PI*WAMCD~');
    expect(serializeSegment(x12Segment('EQ', '', ['HC', '99213', ''], ''))).toBe('EQ**HC:99213~');
    expect(serializeSegment(x12Segment('EB', '1', 'IND', { repeat: ['30', '1', '88'] }))).toBe(
      'EB*1*IND*30^1^88~',
    );
  });

  it('refuses a value holding a delimiter, naming the element and not the value', () => {
    for (const value of ['WA*123', 'WA:123', 'WA^123', 'WA~123', 'WA\n123', 'WAé123']) {
      expect(() => serializeSegment(x12Segment('NM1', 'IL', '1', '', '', '', '', '', 'MI', value))).toThrow(
        new X12BuildError(
          'NM109 holds a delimiter or a character outside printable ASCII, which X12 cannot carry',
        ),
      );
    }
  });

  it('cleans free text: delimiters and control characters become spaces, accents are folded', () => {
    expect(cleanText("O'Brien*Smith~Jr")).toBe("O'Brien Smith Jr");
    expect(cleanText('Zoë  Núñez-Ålund')).toBe('Zoe Nunez-Alund');
    expect(cleanText('Line\r\nbreak:^tab\there')).toBe('Line break tab here');
  });

  it('reads segments with line breaks after terminators, and their repetitions and components', () => {
    const segments = parseSegments('EB*1*IND*30^1^AL*MC~\r\nEQ**HC:99213~\n', d);
    expect(segments.map((s) => s.id)).toEqual(['EB', 'EQ']);
    expect(elementRepetitions(segments[0], 3)).toEqual(['30', '1', 'AL']);
    expect(element(segments[0], 4)).toBe('MC');
    expect([element(segments[1], 2, 1), element(segments[1], 2, 2)]).toEqual(['HC', '99213']);
    expect(element(segments[1], 9)).toBe('');
  });
});
