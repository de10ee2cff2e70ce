/**
 * Alert delivery over real sockets: live broadcast to the organization only, the
 * acknowledgement event, and the replay a socket gets when it connects afresh.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EmergencyAlertPayload } from '../../src/infrastructure/websocket/events.js';
import { bearer, createOrganization, type TestOrganization, type TestUser } from '../helpers/fixtures.js';
import { startListeningServer, startReplica, type ListeningTestServer } from '../helpers/listeningServer.js';
import {
  closeAll,
  collect,
  connectSocket,
  waitForEvent,
  waitUntil,
  type ClientSocket,
} from '../helpers/socketClient.js';

let t: ListeningTestServer;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  t = await startListeningServer();
});
afterEach(() => {
  closeAll(sockets);
  sockets.length = 0;
});
afterAll(() => t?.stop());

async function connect(user: TestUser): Promise<ClientSocket> {
  const socket = await connectSocket(t.url, user.token);
  sockets.push(socket);
  return socket;
}

async function raise(user: TestUser, location = 'Gymnasium'): Promise<EmergencyAlertPayload> {
  const res = await t.server.inject({
    method: 'POST',
    url: '/api/v1/alerts',
    headers: bearer(user),
    payload: { type: 'CARDIAC', severity: 'CRITICAL', location, description: 'Chest pain' },
  });
  expect(res.statusCode).toBe(201);
  return res.result as EmergencyAlertPayload;
}

async function acknowledge(user: TestUser, alertId: string): Promise<void> {
  const res = await t.server.inject({
    method: 'POST',
    url: `/api/v1/alerts/${alertId}/acknowledge`,
    headers: bearer(user),
  });
  expect(res.statusCode).toBe(200);
}

const idsOf = (alerts: EmergencyAlertPayload[]) => alerts.map((a) => a.id);

describe('live delivery', () => {
  let orgA: TestOrganization;
  let orgB: TestOrganization;
  beforeAll(async () => {
    orgA = await createOrganization(t.server);
    orgB = await createOrganization(t.server);
  });

  it('sends emergency:alert to the organization after the POST, and the acknowledgement after an ack', async () => {
    const nurse = await connect(orgA.nurse);
    const viewer = await connect(orgA.viewer);
    const outsider = await connect(orgB.nurse);
    const outsiderAlerts = collect(outsider, 'emergency:alert');
    const outsiderAcks = collect(outsider, 'emergency:alert:acknowledged');

    const received = waitForEvent(nurse, 'emergency:alert');
    const receivedByViewer = waitForEvent(viewer, 'emergency:alert');
    const alert = await raise(orgA.admin);
    expect(await received).toMatchObject({ id: alert.id, location: 'Gymnasium', escalated: false });
    expect((await receivedByViewer).id).toBe(alert.id);

    const ackEvent = waitForEvent(nurse, 'emergency:alert:acknowledged');
    await acknowledge(orgA.viewer, alert.id);
    expect(await ackEvent).toEqual({
      alertId: alert.id,
      acknowledgement: {
        userId: orgA.viewer.id,
        userName: expect.stringMatching(/^VIEWER /),
        acknowledgedAt: expect.any(String),
      },
    });

    // A fence: the outsider's own organization's alert arrives after everything above.
    const own = await raise(orgB.admin);
    await waitUntil(() => outsiderAlerts.length > 0, 5_000, "the outsider's own alert");
    expect(idsOf(outsiderAlerts)).toEqual([own.id]);
    expect(outsiderAcks).toEqual([]);
  });

  it('broadcasts an acknowledgement once: a second ack by the same user sends nothing', async () => {
    const org = await createOrganization(t.server);
    const nurse = await connect(org.nurse);
    const acks = collect(nurse, 'emergency:alert:acknowledged');
    const alerts = collect(nurse, 'emergency:alert');
    const alert = await raise(org.admin);
    await acknowledge(org.admin, alert.id);
    await acknowledge(org.admin, alert.id);
    // Fence: a later alert's broadcast arrives after any acknowledgement event would have.
    const fence = await raise(org.admin, 'Library');
    await waitUntil(() => alerts.some((a) => a.id === fence.id), 5_000, 'the fence alert');
    expect(acks.map((a) => a.alertId)).toEqual([alert.id]);
  });
});

describe('replay on connect', () => {
  it('sends a user who connects later the open alerts they have not acknowledged, and only those', async () => {
    const org = await createOrganization(t.server);
    const acknowledged = await raise(org.admin, 'Room 1');
    const pending = await raise(org.admin, 'Room 2');

    const first = await connect(org.nurse);
    const firstReplay = collect(first, 'emergency:alert');
    await waitUntil(() => firstReplay.length >= 2, 5_000, 'the replay');
    expect(idsOf(firstReplay)).toEqual([acknowledged.id, pending.id]);

    await acknowledge(org.nurse, acknowledged.id);
    const fresh = await connect(org.nurse);
    const freshReplay = collect(fresh, 'emergency:alert');
    // The replay is emitted in one go: once `pending` is here, `acknowledged` would have been too.
    await waitUntil(() => freshReplay.length >= 1, 5_000, 'the second replay');
    expect(idsOf(freshReplay)).toEqual([pending.id]);
  });

  it('replays the newest open alerts, oldest first, when more are open than it sends', async () => {
    const org = await createOrganization(t.server);
    const raised: EmergencyAlertPayload[] = [];
    for (let i = 0; i < 101; i += 1) raised.push(await raise(org.admin, `Room ${i}`));

    // A socket that moved replicas has missed the newest alerts, not the oldest.
    const replay = await t.server.plugins.alerts.openAlertsFor({
      userId: org.nurse.id,
      organizationId: org.id,
      sessionId: 'replay-test',
      role: 'NURSE',
      name: 'Nurse',
    });
    expect(idsOf(replay)).toEqual(idsOf(raised.slice(1)));
  });

  it('delivers an alert raised during a full disconnect exactly once to a new socket', async () => {
    const org = await createOrganization(t.server);
    const before = await connect(org.nurse);
    before.disconnect();

    const missed = await raise(org.admin, 'Bus loop');
    const after = await connect(org.nurse);
    const received = collect(after, 'emergency:alert');
    await waitUntil(() => received.length >= 1, 5_000, 'the missed alert');

    // Fence: an alert raised now arrives live, after any duplicate of the missed one would have.
    const live = await raise(org.admin, 'Cafeteria');
    await waitUntil(() => received.some((a) => a.id === live.id), 5_000, 'the live alert');
    expect(idsOf(received)).toEqual([missed.id, live.id]);
  });

  it('hides the description from a VIEWER in the replay', async () => {
    const org = await createOrganization(t.server);
    const alert = await raise(org.admin);
    const viewer = await connect(org.viewer);
    const replayed = await waitForEvent(viewer, 'emergency:alert');
    expect(replayed).toMatchObject({ id: alert.id, location: 'Gymnasium', description: '' });
  });

  it('hides the description from a VIEWER in the live broadcast, and only from them', async () => {
    const org = await createOrganization(t.server);
    const viewer = await connect(org.viewer);
    const nurse = await connect(org.nurse);
    const toViewer = waitForEvent(viewer, 'emergency:alert');
    const toNurse = waitForEvent(nurse, 'emergency:alert');
    const alert = await raise(org.admin, 'Library');
    expect(await toViewer).toMatchObject({ id: alert.id, location: 'Library', description: '' });
    expect(await toNurse).toMatchObject({ id: alert.id, description: 'Chest pain' });
  });

  it('reaches a nurse whose socket is on another replica when the alert is posted to the first', async () => {
    const org = await createOrganization(t.server);
    const replica = await startReplica(t);
    try {
      const elsewhere = await connectSocket(replica.url, org.nurse.token);
      sockets.push(elsewhere);
      const received = waitForEvent(elsewhere, 'emergency:alert');
      const alert = await raise(org.admin, 'Bus loop');
      expect(await received).toMatchObject({ id: alert.id, location: 'Bus loop' });
    } finally {
      closeAll(sockets);
      sockets.length = 0;
      await replica.stop();
    }
  });
});
