/**
 * Socket handshake: the same token check as REST, refusals that say only 'unauthorized',
 * and sessions that end (logout, deactivation) dropping their sockets at once.
 */
import jwt from 'jsonwebtoken';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createOrganization, createUser, type TestOrganization } from '../helpers/fixtures.js';
import { startListeningServer, type ListeningTestServer } from '../helpers/listeningServer.js';
import { closeAll, connectSocket, waitUntil, type ClientSocket } from '../helpers/socketClient.js';

let t: ListeningTestServer;
let org: TestOrganization;
const opened: ClientSocket[] = [];

async function open(token: string | null, options: Parameters<typeof connectSocket>[2] = {}) {
  const socket = await connectSocket(t.url, token, options);
  opened.push(socket);
  return socket;
}

function refusal(token: string | null, options: Parameters<typeof connectSocket>[2] = {}) {
  return open(token, options).then(
    () => {
      throw new Error('the handshake was accepted');
    },
    (error: Error) => error.message,
  );
}

function disconnected(socket: ClientSocket): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('socket was not disconnected')), 5_000);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

beforeAll(async () => {
  t = await startListeningServer();
  org = await createOrganization(t.server);
});
afterEach(() => closeAll(opened.splice(0)));
afterAll(() => t.stop());

describe('socket handshake', () => {
  it('confirms a valid token with the ids of its user and organization', async () => {
    const socket = await connectSocket(t.url, org.nurse.token);
    opened.push(socket);
    expect(socket.connected).toBe(true);
    await waitUntil(() => t.server.plugins.websocket.getConnectedSocketsCount() >= 1);
  });

  it('sends connection:confirmed with userId, organizationId and socketId', async () => {
    const { io } = await import('socket.io-client');
    const socket: ClientSocket = io(t.url, { transports: ['websocket'], auth: { token: org.admin.token } });
    opened.push(socket);
    const confirmed = await new Promise((resolve) => socket.once('connection:confirmed', resolve));
    expect(confirmed).toEqual({ userId: org.admin.id, organizationId: org.id, socketId: socket.id });
  });

  it('accepts the token from an Authorization: Bearer header', async () => {
    const socket = await open(null, { extraHeaders: bearer(org.viewer) });
    expect(socket.connected).toBe(true);
  });

  it('refuses a handshake without a token', async () => {
    expect(await refusal(null)).toBe('unauthorized');
  });

  it('refuses a forged token', async () => {
    const forged = jwt.sign({ org: org.id, role: 'ADMIN' }, 'not-the-secret-not-the-secret-not-the-secret', {
      algorithm: 'HS256',
      issuer: t.config.auth.jwtIssuer,
      audience: t.config.auth.jwtAudience,
      subject: org.admin.id,
      jwtid: crypto.randomUUID(),
      expiresIn: 600,
    });
    expect(await refusal(forged)).toBe('unauthorized');
    expect(await refusal('not.a.jwt')).toBe('unauthorized');
  });

  it('refuses an expired token even when its session is alive', async () => {
    const claims = jwt.decode(org.nurse.token) as { jti: string; sub: string };
    const expired = jwt.sign(
      { org: org.id, role: 'NURSE', exp: Math.floor(Date.now() / 1000) - 60 },
      t.config.auth.jwtSecret,
      {
        algorithm: 'HS256',
        issuer: t.config.auth.jwtIssuer,
        audience: t.config.auth.jwtAudience,
        subject: claims.sub,
        jwtid: claims.jti,
      },
    );
    expect(await refusal(expired)).toBe('unauthorized');
  });

  it('refuses the token of a session that logged out', async () => {
    const user = await createUser(t.server, org.id, 'NURSE');
    const res = await t.server.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: bearer(user) });
    expect(res.statusCode).toBe(204);
    expect(await refusal(user.token)).toBe('unauthorized');
  });
});

describe('sessions that end drop their sockets', () => {
  it('disconnects a connected socket when its session logs out over REST', async () => {
    const user = await createUser(t.server, org.id, 'NURSE');
    const socket = await open(user.token);
    const reason = disconnected(socket);
    const res = await t.server.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: bearer(user) });
    expect(res.statusCode).toBe(204);
    expect(await reason).toBe('io server disconnect');
  });

  it('leaves the sockets of other sessions connected', async () => {
    const leaving = await createUser(t.server, org.id, 'NURSE');
    const staying = await open(org.viewer.token);
    const gone = await open(leaving.token);
    const reason = disconnected(gone);
    await t.server.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: bearer(leaving) });
    await reason;
    expect(staying.connected).toBe(true);
  });

  it("disconnects a user's sockets when an admin deactivates the user", async () => {
    const user = await createUser(t.server, org.id, 'NURSE');
    const socket = await open(user.token);
    const reason = disconnected(socket);
    const res = await t.server.inject({
      method: 'PATCH',
      url: `/api/v1/admin/users/${user.id}`,
      headers: bearer(org.admin),
      payload: { isActive: false },
    });
    expect(res.statusCode).toBe(200);
    expect(await reason).toBe('io server disconnect');
    expect(await refusal(user.token)).toBe('unauthorized');
  });
});

describe('health', () => {
  it('reports the websocket component with the sockets on this replica', async () => {
    await open(org.nurse.token);
    const res = await t.server.inject({ method: 'GET', url: '/health' });
    const body = res.result as {
      components: Record<string, { status: string; details: Record<string, unknown> }>;
    };
    expect(body.components.websocket).toMatchObject({
      status: 'healthy',
      details: { adapter: 'connected' },
    });
    expect(body.components.websocket?.details.connectedSockets).toBeGreaterThanOrEqual(1);
  });
});
