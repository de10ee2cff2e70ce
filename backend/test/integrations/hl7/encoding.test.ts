import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DELIMITERS,
  escapeText,
  readDelimiters,
  unescapeText,
} from '../../../src/integrations/hl7/encoding.js';
import { Hl7ParseError } from '../../../src/integrations/hl7/errors.js';

describe('HL7 delimiters', () => {
  it('reads the standard delimiters from MSH-1 and MSH-2', () => {
    expect(readDelimiters('MSH|^~\\&|WHITECROSS|')).toEqual(DEFAULT_DELIMITERS);
  });

  it('reads whatever delimiters a sender declares, and ignores the 2.7 truncation character', () => {
    expect(readDelimiters('MSH#$*/%!#APP#')).toEqual({
      field: '#',
      component: '$',
      repetition: '*',
      escape: '/',
      subcomponent: '%',
    });
  });

  it('refuses a message that does not start with MSH, or declares unusable delimiters', () => {
    expect(() => readDelimiters('PID|1||123')).toThrow(Hl7ParseError);
    expect(() => readDelimiters('MSH|^~|APP')).toThrow(/four encoding characters/);
    expect(() => readDelimiters('MSH|^^\\&|APP')).toThrow(/distinct/);
    expect(() => readDelimiters('MSH|A~\\&|APP')).toThrow(/punctuation/);
  });
});

describe('HL7 escaping', () => {
  it('escapes each delimiter with its own sequence, the escape character first', () => {
    expect(escapeText('a|b^c~d\\e&f')).toBe('a\\F\\b\\S\\c\\R\\d\\E\\e\\T\\f');
  });

  it('writes line breaks as \\.br\\ so a value never ends a segment', () => {
    expect(escapeText('line one\r\nline two\rthree\nfour')).toBe(
      'line one\\.br\\line two\\.br\\three\\.br\\four',
    );
  });

  it('round-trips any text', () => {
    const text = 'O|Brien^Smith~Jr\\&Co \\F\\ literally';
    expect(unescapeText(escapeText(text))).toBe(text);
  });

  it('uses the delimiters it is given', () => {
    const d = { field: '#', component: '$', repetition: '*', escape: '/', subcomponent: '%' };
    expect(escapeText('a#b/c|d', d)).toBe('a/F/b/E/c|d');
    expect(unescapeText('a/F/b/E/c|d', d)).toBe('a#b/c|d');
  });

  it('drops hex data, highlighting and unknown sequences instead of decoding them', () => {
    expect(unescapeText('abc\\X7C0D\\def')).toBe('abcdef');
    expect(unescapeText('\\H\\Important\\N\\ note')).toBe('Important note');
    expect(unescapeText('x\\Zlocal\\y\\.sp2\\z')).toBe('xyz');
  });

  it('keeps an escape character that is never closed, as written', () => {
    expect(unescapeText('C:\\temp')).toBe('C:\\temp');
  });
});
