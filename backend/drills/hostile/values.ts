/**
 * What a careless or hostile client puts where a field's value goes: wrong types, sizes and
 * encodings, SQL and script injection, path traversal, impossible numbers and dates. Each is
 * named, so a finding says which input it was (never the value itself).
 */
export interface Hostile {
  label: string;
  value: unknown;
}

const KB = 1024;

export const INJECTION_STRINGS: Hostile[] = [
  { label: 'sql-or', value: "' OR 1=1 --" },
  { label: 'sql-or-quoted', value: '" OR ""="' },
  { label: 'sql-drop', value: "'; DROP TABLE students; --" },
  { label: 'sql-drop-bare', value: '1; DROP TABLE users' },
  { label: 'sql-union', value: "' UNION SELECT password_hash FROM users --" },
  { label: 'sql-like', value: "%' OR '1'='1" },
  { label: 'sql-comment', value: '*/ SELECT pg_sleep(10) /*' },
  { label: 'sql-sleep', value: "'; SELECT pg_sleep(10); --" },
  { label: 'script', value: '<script>alert(1)</script>' },
  { label: 'script-attr', value: '"><img src=x onerror=alert(1)>' },
  { label: 'script-url', value: 'javascript:alert(1)' },
  { label: 'template', value: '${7*7}{{7*7}}' },
  { label: 'nosql', value: { $gt: '' } },
];

export const ENCODING_STRINGS: Hostile[] = [
  { label: 'nul', value: 'a\u0000b' },
  { label: 'nul-only', value: '\u0000' },
  { label: 'lone-surrogate', value: 'a\ud800b' },
  { label: 'rtl-override', value: 'abc\u202edcba' },
  { label: 'emoji', value: '\u{1F489}\u{1F3EB}' },
  { label: 'control-chars', value: '\u0001\u0002\u001b[31m\r\n' },
  { label: 'whitespace-only', value: ' \t\n ' },
  { label: 'empty', value: '' },
  { label: 'huge-100kb', value: 'x'.repeat(100 * KB) },
  { label: 'huge-multibyte', value: '\u00e9'.repeat(50 * KB) },
];

export const TRAVERSAL_STRINGS: Hostile[] = [
  { label: 'traversal', value: '../../etc/passwd' },
  { label: 'traversal-encoded', value: '%2e%2e%2f%2e%2e%2fetc%2fpasswd' },
  { label: 'traversal-double-encoded', value: '%252e%252e%252fetc%252fpasswd' },
  { label: 'traversal-backslash', value: '..\\..\\windows\\win.ini' },
  { label: 'absolute-path', value: '/etc/passwd' },
  { label: 'file-url', value: 'file:///etc/passwd' },
];

export const WRONG_TYPES: Hostile[] = [
  { label: 'number', value: 42 },
  { label: 'boolean', value: true },
  { label: 'null', value: null },
  { label: 'array', value: [] },
  { label: 'array-of-objects', value: [{ a: 1 }] },
  { label: 'object', value: {} },
  { label: 'object-for-array', value: { 0: 'a', length: 1 } },
  { label: 'proto', value: JSON.parse('{"__proto__":{"polluted":true}}') },
];

export const NUMBERS: Hostile[] = [
  { label: 'negative', value: -1 },
  { label: 'zero', value: 0 },
  { label: 'fraction', value: 0.5 },
  { label: 'max-double', value: Number.MAX_VALUE },
  { label: 'min-double', value: -Number.MAX_VALUE },
  { label: 'beyond-safe-int', value: 2 ** 64 },
  { label: 'huge-digits', value: '9'.repeat(400) },
  { label: 'nan-string', value: 'NaN' },
  { label: 'infinity-string', value: 'Infinity' },
  { label: 'hex-string', value: '0x1F' },
  { label: 'exponent-string', value: '1e309' },
];

export const DATES: Hostile[] = [
  { label: 'date-negative', value: '-1' },
  { label: 'date-nan', value: 'NaN' },
  { label: 'date-zero', value: '0000-00-00' },
  { label: 'date-impossible', value: '2020-02-30' },
  { label: 'date-bad-month', value: '2020-13-45' },
  { label: 'date-max', value: '+275760-09-13T00:00:00.000Z' },
  { label: 'date-beyond-max', value: '+275760-09-14T00:00:00.000Z' },
  { label: 'date-min', value: '-271821-04-20T00:00:00.000Z' },
  { label: 'date-year-0', value: '0000-01-01' },
  { label: 'date-epoch-ms', value: -8_640_000_000_000_001 },
  { label: 'date-far-future', value: '9999-12-31T23:59:59Z' },
  { label: 'date-words', value: 'yesterday' },
];

/** Every value a field is tried with, in a fixed order (the short form samples from it). */
export const FIELD_VALUES: Hostile[] = [
  ...WRONG_TYPES,
  ...INJECTION_STRINGS,
  ...ENCODING_STRINGS,
  ...NUMBERS,
  ...DATES,
  ...TRAVERSAL_STRINGS,
];

/** Path parameters: a string in the URL, percent-encoded unless `raw` (sent as the bytes shown). */
export const PATH_VALUES: Array<Hostile & { raw?: boolean }> = [
  ...TRAVERSAL_STRINGS,
  { label: 'traversal-raw', value: '../../../../etc/passwd', raw: true },
  { label: 'traversal-raw-encoded', value: '..%2f..%2f..%2fetc%2fpasswd', raw: true },
  { label: 'dot-dot', value: '..', raw: true },
  { label: 'invalid-utf8', value: '%C3%28%FF%FE', raw: true },
  { label: 'overlong-utf8', value: '%C0%AE%C0%AE%C0%AF', raw: true },
  { label: 'nul-encoded', value: 'a%00b', raw: true },
  { label: 'bad-percent', value: '%zz%', raw: true },
  ...INJECTION_STRINGS.filter((h) => typeof h.value === 'string'),
  { label: 'huge-8kb', value: 'y'.repeat(8 * KB) },
  { label: 'huge-100kb', value: 'y'.repeat(100 * KB) },
  { label: 'negative', value: '-1' },
  { label: 'huge-number', value: '9'.repeat(400) },
  { label: 'nan', value: 'NaN' },
  { label: 'almost-uuid', value: '00000000-0000-0000-0000-00000000000Z' },
  { label: 'nil-uuid', value: '00000000-0000-0000-0000-000000000000' },
];
