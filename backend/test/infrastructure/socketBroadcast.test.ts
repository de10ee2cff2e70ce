/**
 * Broadcasts reach exactly their organization, across replicas, and survive a short drop of
 * the transport through connection state recovery (exactly once).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, type TestOrganization } from '../helpers/fixtures.js';
import { startListeningServer, startReplica, type ListeningTestServer } from '../helpers/listeningServer.js';
import {
  closeAll,
  collect,
  connectSocket,
  waitForEvent,
  waitUntil,
  type ClientSocket,
} from '../helpers/socketClient.js';
import { emergencyAlert } from '../helpers/socketPayloads.js';

let t: ListeningTestServer;
let orgA: TestOrganization;
let orgB: TestOrganization;
const opened: ClientSocket[] = [];

async function openMany(url: string, tokens: string[], count: number): Promise<ClientSocket[]> {
  const sockets: ClientSocket[] = [];
  // In small batches: a hundred simultaneous handshakes is a load test, not this test.
  for (let i = 0; i < count; i += 10) {
    const batch = Array.from({ length: Math.min(10, count - i) }, (_, j) =>
      connectSocket(url, tokens[(i + j) % tokens.length]!),
    );
    const connected = await Promise.all(batch);
    opened.push(...connected);
    sockets.push(...connected);
  }
  return sockets;
}

beforeAll(async () => {
  t = await startListeningServer();
  orgA = await createOrganization(t.server);
  orgB = await createOrganization(t.server);
});
afterEach(() => closeAll(opened.splice(0)));
afterAll(() => t.stop());

describe('tenant isolation', () => {
  it('delivers every alert of organization A to each A socket and none to B', async () => {
    const tokensA = [orgA.admin.token, orgA.nurse.token, orgA.viewer.token];
    const tokensB = [orgB.admin.token, orgB.nurse.token, orgB.viewer.token];
    const socketsA = await openMany(t.url, tokensA, 50);
    const socketsB = await openMany(t.url, tokensB, 50);
    const receivedA = socketsA.map((s) => collect(s, 'emergency:alert'));
    const receivedB = socketsB.map((s) => collect(s, 'emergency:alert'));
    const markersB = socketsB.map((s) => collect(s, 'student:health:alert'));

    const sent = Array.from({ length: 20 }, () => emergencyAlert());
    for (const alert of sent) t.server.plugins.websocket.broadcastEmergencyAlert(orgA.id, alert);
    await waitUntil(() => receivedA.every((r) => r.length >= 20), 10_000, 'every A socket to get 20 alerts');
    // A marker sent to B after A's alerts: once every B socket has it, nothing else is in flight.
    t.server.plugins.websocket.broadcastStudentHealthAlert(orgB.id, {
      studentId: crypto.randomUUID(),
      type: 'MARKER',
      message: 'marker',
      createdAt: new Date().toISOString(),
    });
    await waitUntil(() => markersB.every((m) => m.length === 1), 10_000, 'every B socket to get the marker');

    for (const received of receivedA) expect(received.map((a) => a.id)).toEqual(sent.map((a) => a.id));
    expect(receivedB.every((r) => r.length === 0)).toBe(true);
  });
});

describe('several replicas', () => {
  it('carries a broadcast on one replica to a socket connected to another', async () => {
    const replica = await startReplica(t);
    try {
      const socket = await connectSocket(replica.url, orgA.nurse.token);
      opened.push(socket);
      const elsewhere = await connectSocket(replica.url, orgB.nurse.token);
      opened.push(elsewhere);
      const missed = collect(elsewhere, 'emergency:alert');
      const alert = emergencyAlert();
      const arrival = waitForEvent(socket, 'emergency:alert', 10_000);
      t.server.plugins.websocket.broadcastEmergencyAlert(orgA.id, alert);
      expect((await arrival).id).toBe(alert.id);
      expect(missed).toEqual([]);
    } finally {
      closeAll(opened.splice(0));
      await replica.stop();
    }
  });

  it('ends a session on every replica', async () => {
    const replica = await startReplica(t);
    try {
      const socket = await connectSocket(replica.url, orgB.viewer.token);
      opened.push(socket);
      const gone = new Promise<string>((resolve) => socket.once('disconnect', resolve));
      const sessionId = (
        JSON.parse(Buffer.from(orgB.viewer.token.split('.')[1]!, 'base64url').toString()) as {
          jti: string;
        }
      ).jti;
      await t.server.plugins.websocket.disconnectSession(sessionId);
      expect(await gone).toBe('io server disconnect');
    } finally {
      closeAll(opened.splice(0));
      await replica.stop();
    }
  });
});

describe('connection state recovery', () => {
  it('delivers an alert broadcast while the transport was down after reconnecting, exactly once', async () => {
    const socket = await connectSocket(t.url, orgA.nurse.token, {
      reconnection: true,
      reconnectionDelay: 100,
      reconnectionDelayMax: 200,
    });
    opened.push(socket);
    const received = collect(socket, 'emergency:alert');
    const before = emergencyAlert();
    t.server.plugins.websocket.broadcastEmergencyAlert(orgA.id, before);
    await waitUntil(() => received.length === 1, 5_000, 'the first alert');

    const connectedBefore = t.server.plugins.websocket.getConnectedSocketsCount();
    const reconnected = new Promise<void>((resolve) => socket.io.once('reconnect', () => resolve()));
    socket.io.engine.close();
    await waitUntil(
      () => t.server.plugins.websocket.getConnectedSocketsCount() < connectedBefore,
      5_000,
      'the server to see the drop',
    );
    const missed = emergencyAlert();
    t.server.plugins.websocket.broadcastEmergencyAlert(orgA.id, missed);
    await reconnected;
    await waitUntil(() => received.length >= 2, 5_000, 'the missed alert');
    expect(socket.recovered).toBe(true);

    // A later alert marks the end of the stream: nothing before it may arrive twice.
    const after = emergencyAlert();
    t.server.plugins.websocket.broadcastEmergencyAlert(orgA.id, after);
    await waitUntil(() => received.some((a) => a.id === after.id), 5_000, 'the last alert');
    expect(received.map((a) => a.id)).toEqual([before.id, missed.id, after.id]);
  });
});
