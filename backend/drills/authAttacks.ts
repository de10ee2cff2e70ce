/**
 * Drill 6, auth attacks: forged, tampered, expired, revoked and foreign tokens (hostile/
 * tokens.ts) against several REST routes and the Socket.io handshake of the real process.
 * Accepted on REST means the route let the caller through (2xx, or 403: authenticated but
 * not permitted); on a socket, a confirmed connection. Another organization's valid token
 * on the demo district's student must answer 404: a 2xx is a cross-organization leak. A
 * live socket must be dropped when its session is logged out or its user deactivated.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Drill, DrillResult } from './drill.js';
import { claimsOf, forgedTokens, garbageHeaders, sign, type TokenSettings } from './hostile/tokens.js';
import { apiGet, apiSend } from './support/api.js';
import { startApp, type AppProcess } from './support/appProcess.js';
import { createDrillEnvironment } from './support/drillEnvironment.js';
import { otherOrganization } from './support/otherOrganization.js';
import { authorized, demoEmail, login, type DemoRole } from './support/session.js';
import {
  attackAcrossOrganizations,
  attackRest,
  attackSockets,
  status,
  Tally,
  type Attack,
  type Probe,
} from './support/authAttempts.js';
import { confirmed, droppedWithin, handshakeAccepted, openSocket } from './support/socketProbe.js';

const ALERT = { type: 'OTHER', severity: 'LOW', location: 'Drill', description: 'auth-attacks drill' };

function probesFor(studentId: string, short: boolean): Probe[] {
  const probes: Probe[] = [
    { method: 'GET', path: '/api/v1/auth/me' },
    { method: 'GET', path: '/api/v1/students' },
    { method: 'GET', path: `/api/v1/students/${studentId}` },
    { method: 'GET', path: '/api/v1/admin/users' },
    { method: 'POST', path: '/api/v1/alerts', body: ALERT },
  ];
  if (short) return probes;
  return [
    ...probes,
    { method: 'GET', path: `/api/v1/students/${studentId}/allergies` },
    { method: 'GET', path: '/api/v1/admin/audit-log' },
    { method: 'GET', path: '/api/v1/admin/queues' },
    { method: 'GET', path: '/api/v1/notifications' },
    { method: 'POST', path: '/api/v1/admin/queue-dashboard/session' },
  ];
}

/** A user the admin creates, who signs in and is then deactivated, with a socket open. */
async function deactivatedUser(url: string, adminToken: string) {
  const email = `drill-${randomBytes(4).toString('hex')}@example.com`;
  const password = randomBytes(18).toString('base64url');
  const user = await apiSend<{ id: string }>(url, 'POST', '/api/v1/admin/users', adminToken, {
    email,
    name: 'Drill Nurse',
    role: 'NURSE',
    password,
  });
  const token = await login(url, email, password);
  const socket = openSocket(url, { token });
  await confirmed(socket);
  await apiSend(url, 'PATCH', `/api/v1/admin/users/${user.id}`, adminToken, { isActive: false });
  return { id: user.id, token, socket };
}

/** A nurse session with a socket open, then logged out. */
async function loggedOut(url: string) {
  const token = await login(url, demoEmail('NURSE', 1));
  const socket = openSocket(url, { token });
  await confirmed(socket);
  await fetch(`${url}/api/v1/auth/logout`, { method: 'POST', headers: authorized(token) });
  return { token, socket };
}

/** Every forgery of each role's real token, junk headers, and the revoked and deactivated users' tokens. */
async function attacksFor(
  url: string,
  roles: DemoRole[],
  admin: string,
  nurseId: string,
  settings: TokenSettings,
  dead: { revoked: string; deactivated: string },
): Promise<Attack[]> {
  const attacks: Attack[] = [];
  for (const role of roles) {
    const real = role === 'ADMIN' ? admin : await login(url, demoEmail(role));
    const other = role === 'ADMIN' ? nurseId : String(claimsOf(admin).sub);
    for (const forged of forgedTokens(real, settings, other))
      attacks.push({ label: `${role}:${forged.label}`, header: `Bearer ${forged.token}` });
  }
  attacks.push(...garbageHeaders(admin));
  const newSession = { ...claimsOf(dead.deactivated), jti: randomUUID() };
  attacks.push(
    { label: 'revoked', header: `Bearer ${dead.revoked}` },
    { label: 'deactivated', header: `Bearer ${dead.deactivated}` },
    {
      label: 'deactivated-new-session',
      header: `Bearer ${sign({ alg: 'HS256', typ: 'JWT' }, newSession, settings.secret)}`,
    },
  );
  return attacks;
}

export const authAttacksDrill: Drill = async ({ short }): Promise<DrillResult> => {
  const environment = await createDrillEnvironment('auth-attacks');
  let app: AppProcess | undefined;
  const opened: Array<{ close(): unknown }> = [];
  try {
    // The CLI takes seconds: the outsider is made while the app starts and the other attacks run.
    // The drill's database is seeded at creation, so an organization made before the app's first
    // start cannot make it skip the seed.
    const appStarted = startApp(environment.appEnv);
    const outsiderMade = otherOrganization(
      environment.appEnv,
      appStarted.then((started) => started.url),
    );
    outsiderMade.catch(() => undefined);
    app = await appStarted;
    const url = app.url;
    const settings: TokenSettings = {
      secret: environment.appEnv.JWT_SECRET!,
      issuer: 'white-cross',
      audience: 'white-cross-api',
    };
    const admin = await login(url, demoEmail('ADMIN'));
    const nurseId = String(claimsOf(await login(url, demoEmail('NURSE'))).sub);
    const { data } = await apiGet<{ data: Array<{ id: string }> }>(url, '/api/v1/students?pageSize=1', admin);
    const studentId = data[0]!.id;
    const revoked = await loggedOut(url);
    const deactivated = await deactivatedUser(url, admin);
    opened.push(revoked.socket, deactivated.socket);
    const roles: DemoRole[] = short ? ['ADMIN'] : ['ADMIN', 'NURSE', 'VIEWER'];
    const attacks = await attacksFor(url, roles, admin, nurseId, settings, {
      revoked: revoked.token,
      deactivated: deactivated.token,
    });

    const tally = new Tally();
    await attackRest(url, attacks, probesFor(studentId, short), admin, tally);
    await attackSockets(url, attacks, tally);
    for (const [label, socket] of [
      ['socket kept after logout', revoked.socket],
      ['socket kept after deactivation', deactivated.socket],
    ] as const) {
      tally.attempts += 1;
      if (await droppedWithin(socket)) continue;
      tally.acceptedSockets += 1;
      tally.note(label);
    }
    const outsider = await outsiderMade;
    await attackAcrossOrganizations(url, outsider, claimsOf(admin).org, studentId, settings, tally);

    // Controls: the real admin token gets in, or the refusals above prove nothing.
    const controls =
      Number((await status(url, { method: 'GET', path: '/api/v1/auth/me' }, authorized(admin))) === 200) +
      Number(await handshakeAccepted(url, { token: admin }));
    const { attempts, acceptedRest, acceptedSockets, crossOrgLeaks, findings } = tally;
    const figures: Record<string, number | string> = {
      attacks: attacks.length,
      attempts,
      acceptedRest,
      acceptedSockets,
      crossOrgLeaks,
      controlsAccepted: controls,
    };
    if (findings.length > 0) figures.findings = JSON.stringify(findings);
    return {
      name: 'auth-attacks',
      passed: acceptedRest === 0 && acceptedSockets === 0 && crossOrgLeaks === 0 && controls === 2,
      figures,
    };
  } finally {
    for (const socket of opened) socket.close();
    await app?.stop();
    await environment.cleanup();
  }
};
