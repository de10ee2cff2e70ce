/**
 * Whole request bodies no route should choke on: malformed and oversized JSON, JSON nested
 * 10,000 deep, invalid UTF-8 and NUL bytes, and content types and encodings the routes do
 * not take. Each is the raw bytes plus the headers sent with them.
 */
export interface HostileBody {
  label: string;
  body: Buffer;
  headers: Record<string, string>;
}

const JSON_TYPE = { 'content-type': 'application/json' };
const DEPTH = 10_000;

const json = (label: string, text: string | Buffer, headers: Record<string, string> = JSON_TYPE) => ({
  label,
  body: Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8'),
  headers,
});

function withInvalidUtf8(): Buffer {
  return Buffer.concat([
    Buffer.from('{"name":"a'),
    Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80]),
    Buffer.from('b"}'),
  ]);
}

/** Made once: a megabyte of JSON and two 10,000-deep ones, the same for every route. */
let bodies: HostileBody[] | undefined;

export function hostileBodies(): HostileBody[] {
  bodies ??= makeBodies();
  return bodies;
}

function makeBodies(): HostileBody[] {
  const oversized = `{"firstName":"${'x'.repeat(1024 * 1024 + 512)}"}`;
  return [
    json('malformed-json', '{"firstName": "Ann",'),
    json('json-trailing-garbage', '{"a":1}}}}'),
    json('json-array', '[1,2,3]'),
    json('json-array-of-objects', '[{"firstName":"Ann"}]'),
    json('json-string', '"hello"'),
    json('json-number', '1e400'),
    json('json-null', 'null'),
    json('json-empty', ''),
    json('json-deep-objects', `${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}`),
    json('json-deep-arrays', `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`),
    json('json-oversized', oversized),
    json('json-invalid-utf8', withInvalidUtf8()),
    json('json-raw-nul', Buffer.from('{"name":"a\u0000b"}', 'utf8')),
    json('json-bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{}')])),
    json('json-duplicate-keys', '{"role":"VIEWER","role":"ADMIN"}'),
    json('json-proto', '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"polluted":1}}}'),
    json('json-as-text-plain', '{"a":1}', { 'content-type': 'text/plain' }),
    json('xml', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>', {
      'content-type': 'application/xml',
    }),
    json('multipart-junk', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x', {
      'content-type': 'multipart/form-data; boundary=x',
    }),
    json('multipart-no-boundary', 'junk', { 'content-type': 'multipart/form-data' }),
    json('form-deep', `${'a'}${'[b]'.repeat(200)}=1&__proto__[polluted]=1`, {
      'content-type': 'application/x-www-form-urlencoded',
    }),
    json('charset-utf16', Buffer.from('{"a":1}', 'utf16le'), {
      'content-type': 'application/json; charset=utf-16',
    }),
    json('content-type-garbage', '{}', { 'content-type': ';;;/\\' }),
    json('no-content-type', '{"a":1}', {}),
    json('gzip-junk', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xde, 0xad, 0xbe, 0xef]), {
      ...JSON_TYPE,
      'content-encoding': 'gzip',
    }),
    json('unknown-encoding', '{}', { ...JSON_TYPE, 'content-encoding': 'br, compress, x-drill' }),
  ];
}
