/**
 * The auth-attacks drill's attempts: each attack (an Authorization header) on REST probes and
 * on the Socket.io handshake, and another organization's tokens on a demo student. Accepted
 * on REST means the route let the caller through (2xx, or 403: authenticated but not
 * permitted; a 5xx is counted too, it is a bug); on a socket, a confirmed connection.
 */
import { claimsOf, sign, type TokenSettings } from '../hostile/tokens.js';
import { apiGet } from './api.js';
import type { Outsider } from './otherOrganization.js';
import { authorized } from './session.js';
import { handshakeAccepted } from './socketProbe.js';

const SOCKET_BATCH = 10;

export interface Attack {
  label: string;
  /** The whole Authorization header; null sends none. */
  header: string | null;
}

export interface Probe {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
}

export async function status(url: string, probe: Probe, headers: Record<string, string>): Promise<number> {
  const response = await fetch(`${url}${probe.path}`, {
    method: probe.method,
    headers: probe.body ? { ...headers, 'content-type': 'application/json' } : headers,
    body: probe.body ? JSON.stringify(probe.body) : undefined,
    signal: AbortSignal.timeout(10_000),
  });
  await response.arrayBuffer();
  return response.status;
}

const accepted = (code: number) => (code >= 200 && code < 300) || code === 403;

/** What the attempts found: counts, and the first few findings (route and attack, never a token). */
export class Tally {
  attempts = 0;
  acceptedRest = 0;
  acceptedSockets = 0;
  crossOrgLeaks = 0;
  readonly findings: string[] = [];

  note(finding: string): void {
    if (this.findings.length < 10) this.findings.push(finding);
  }
}

export async function attackRest(
  url: string,
  attacks: Attack[],
  probes: Probe[],
  admin: string,
  tally: Tally,
) {
  for (const attack of attacks) {
    for (const probe of probes) {
      tally.attempts += 1;
      const code = await status(url, probe, attack.header === null ? {} : { authorization: attack.header });
      if (accepted(code) || code >= 500) {
        tally.acceptedRest += 1;
        tally.note(`${code} ${probe.method} ${probe.path} [${attack.label}]`);
      }
    }
  }
  // A token anywhere but the Authorization header is no token.
  for (const [label, headers, path] of [
    ['query-token', {}, `/api/v1/auth/me?access_token=${admin}`],
    ['cookie-token', { cookie: `token=${admin}; access_token=${admin}` }, '/api/v1/auth/me'],
  ] as const) {
    tally.attempts += 1;
    const code = await status(url, { method: 'GET', path }, headers);
    if (accepted(code) || code >= 500) {
      tally.acceptedRest += 1;
      tally.note(`${code} GET /api/v1/auth/me [${label}]`);
    }
  }
}

/** Each attack's token in `auth.token` and as an Authorization header (one too large for a handshake is left out). */
export async function attackSockets(url: string, attacks: Attack[], tally: Tally) {
  const socketAttacks = attacks.filter((a) => a.header !== null && Buffer.byteLength(a.header) < 16_000);
  for (let i = 0; i < socketAttacks.length; i += SOCKET_BATCH) {
    const batch = socketAttacks.slice(i, i + SOCKET_BATCH);
    const results = await Promise.all(
      batch.flatMap((attack) => [
        handshakeAccepted(url, { token: attack.header!.replace(/^Bearer\s+/i, '') }),
        handshakeAccepted(url, { header: attack.header! }),
      ]),
    );
    tally.attempts += results.length;
    results.forEach((ok, index) => {
      if (!ok) return;
      tally.acceptedSockets += 1;
      tally.note(`socket [${batch[Math.floor(index / 2)]!.label}]`);
    });
  }
}

/** The outsider's own token, and its session with the demo district named in the claims, on a demo student. */
export async function attackAcrossOrganizations(
  url: string,
  outsider: Outsider,
  demoOrganizationId: unknown,
  studentId: string,
  settings: TokenSettings,
  tally: Tally,
) {
  const claimedOrg = sign(
    { alg: 'HS256', typ: 'JWT' },
    { ...claimsOf(outsider.token), org: demoOrganizationId },
    settings.secret,
  );
  for (const token of [outsider.token, claimedOrg]) {
    for (const path of [`/api/v1/students/${studentId}`, `/api/v1/students/${studentId}/allergies`]) {
      tally.attempts += 1;
      const code = await status(url, { method: 'GET', path }, authorized(token));
      if (code === 404) continue;
      if (code < 300) tally.crossOrgLeaks += 1;
      tally.note(`${code} GET /api/v1/students/{id} [other organization]`);
    }
    tally.attempts += 1;
    const list = await apiGet<{ data: Array<{ id: string }> }>(url, '/api/v1/students?pageSize=100', token);
    if (list.data.some((s) => s.id === studentId)) {
      tally.crossOrgLeaks += 1;
      tally.note('GET /api/v1/students [other organization lists a demo student]');
    }
  }
}
