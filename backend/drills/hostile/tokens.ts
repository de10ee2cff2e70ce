/**
 * Bearer tokens an attacker would try, built by hand (not with the app's own JWT library, so
 * nothing about them is normalised): algorithm tricks (none, another HMAC, RS256 with an
 * attacker's key, the confusion where a key is used as an HMAC secret), wrong keys, tampered
 * payloads, and tokens correctly signed with the app's secret but expired, not yet valid,
 * for another audience or issuer, missing claims or naming a session that does not exist.
 */
import { createHmac, createSign, generateKeyPairSync, randomUUID } from 'node:crypto';

export interface TokenSettings {
  secret: string;
  issuer: string;
  audience: string;
}

export type Claims = Record<string, unknown>;

export interface ForgedToken {
  label: string;
  token: string;
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const hmac = (algorithm: string, key: string | Buffer, input: string) =>
  createHmac(algorithm, key).update(input).digest('base64url');

export function sign(header: Claims, claims: Claims, key: string | Buffer, algorithm = 'sha256'): string {
  const input = `${b64(header)}.${b64(claims)}`;
  return `${input}.${hmac(algorithm, key, input)}`;
}

/** The claims of a token (unverified): the starting point of every forgery. */
export function claimsOf(token: string): Claims {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Claims;
}

const now = () => Math.floor(Date.now() / 1000);

/** Forgeries of `real` (a live session's token); `otherUserId` names someone else in the same organization. */
export function forgedTokens(real: string, settings: TokenSettings, otherUserId: string): ForgedToken[] {
  const claims = claimsOf(real);
  const hs = { alg: 'HS256', typ: 'JWT' };
  const right = (c: Claims, header: Claims = hs) => sign(header, c, settings.secret);
  const [header, payload, signature] = real.split('.') as [string, string, string];
  const attacker = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicPem = attacker.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const rs256 = (() => {
    const jwk = attacker.publicKey.export({ format: 'jwk' });
    const input = `${b64({ alg: 'RS256', typ: 'JWT', jwk })}.${b64(claims)}`;
    return `${input}.${createSign('RSA-SHA256').update(input).sign(attacker.privateKey).toString('base64url')}`;
  })();
  const without = (...keys: string[]) =>
    Object.fromEntries(Object.entries(claims).filter(([k]) => !keys.includes(k)));

  return [
    { label: 'alg-none', token: `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.` },
    { label: 'alg-NONE', token: `${b64({ alg: 'NONE', typ: 'JWT' })}.${b64(claims)}.` },
    { label: 'alg-None-with-signature', token: `${b64({ alg: 'None' })}.${payload}.${signature}` },
    { label: 'hs256-wrong-key', token: sign(hs, claims, 'not-the-secret-but-long-enough-to-look-real') },
    { label: 'hs256-empty-key', token: sign(hs, claims, '') },
    {
      label: 'hs384-right-key',
      token: sign({ alg: 'HS384', typ: 'JWT' }, claims, settings.secret, 'sha384'),
    },
    {
      label: 'hs512-right-key',
      token: sign({ alg: 'HS512', typ: 'JWT' }, claims, settings.secret, 'sha512'),
    },
    { label: 'rs256-attacker-key-jwk', token: rs256 },
    { label: 'rs256-header-hmac-secret', token: right(claims, { alg: 'RS256', typ: 'JWT' }) },
    { label: 'hs256-public-key-as-secret', token: sign(hs, claims, publicPem) },
    { label: 'kid-injection', token: sign({ ...hs, kid: "../../dev/null' OR 1=1 --" }, claims, '') },
    { label: 'payload-tampered', token: `${header}.${b64({ ...claims, sub: otherUserId })}.${signature}` },
    { label: 'signature-stripped', token: `${header}.${payload}.` },
    { label: 'signature-truncated', token: `${header}.${payload}.${signature.slice(0, -4)}` },
    { label: 'valid-with-junk', token: `${real}x` },
    { label: 'two-segments', token: `${header}.${payload}` },
    { label: 'expired', token: right({ ...claims, iat: now() - 7_200, exp: now() - 3_600 }) },
    { label: 'not-yet-valid', token: right({ ...claims, nbf: now() + 3_600 }) },
    { label: 'other-audience', token: right({ ...claims, aud: 'some-other-api' }) },
    { label: 'other-issuer', token: right({ ...claims, iss: 'https://evil.example' }) },
    { label: 'no-audience', token: right(without('aud')) },
    { label: 'no-issuer', token: right(without('iss')) },
    { label: 'no-session-id', token: right(without('jti')) },
    { label: 'no-subject', token: right(without('sub')) },
    { label: 'unknown-session', token: right({ ...claims, jti: randomUUID() }) },
    { label: 'session-id-injection', token: right({ ...claims, jti: "' OR 1=1 --" }) },
    { label: 'session-id-not-uuid', token: right({ ...claims, jti: 'session' }) },
    { label: 'session-id-array', token: right({ ...claims, jti: [claims.jti] }) },
    { label: 'session-of-another-user', token: right({ ...claims, sub: otherUserId }) },
    { label: 'subject-injection', token: right({ ...claims, sub: "' OR 1=1 --" }) },
  ];
}

/** Not tokens at all, or not bearer tokens. Each is a whole Authorization header (null: none). */
export function garbageHeaders(real: string): Array<{ label: string; header: string | null }> {
  return [
    { label: 'no-header', header: null },
    { label: 'empty-bearer', header: 'Bearer ' },
    { label: 'bearer-only', header: 'Bearer' },
    { label: 'garbage', header: 'Bearer garbage' },
    { label: 'three-dots', header: 'Bearer ...' },
    { label: 'abc', header: 'Bearer a.b.c' },
    { label: 'json', header: `Bearer ${JSON.stringify({ sub: 'admin' })}` },
    { label: 'null', header: 'Bearer null' },
    { label: 'long-8kb', header: `Bearer ${'A'.repeat(8 * 1024)}` },
    { label: 'long-100kb', header: `Bearer ${'A'.repeat(100 * 1024)}` },
    { label: 'wrong-scheme', header: `Token ${real}` },
    { label: 'basic-scheme', header: `Basic ${Buffer.from('admin:password').toString('base64')}` },
    { label: 'two-tokens', header: `Bearer ${real} ${real}` },
    { label: 'token-then-junk', header: `Bearer ${real}, Bearer garbage` },
  ];
}
