/**
 * Escalation with ALERT_ESCALATION_SECONDS=1: an alert nobody acknowledged is broadcast again
 * with `escalated: true`, once, even when two replicas both hold a timer for it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from '@hapi/hapi';
import type { EmergencyAlertPayload } from '../../src/infrastructure/websocket/events.js';
import { bearer, createOrganization, type TestOrganization, type TestUser } from '../helpers/fixtures.js';
import {
  startListeningServer,
  startReplica,
  type ListeningTestServer,
  type Replica,
} from '../helpers/listeningServer.js';
import { closeAll, collect, connectSocket, waitUntil, type ClientSocket } from '../helpers/socketClient.js';

const ESCALATION = { ALERT_ESCALATION_SECONDS: '1' };

let t: ListeningTestServer;
let replica: Replica;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  t = await startListeningServer(ESCALATION);
  replica = await startReplica(t, ESCALATION);
});
afterEach(() => {
  closeAll(sockets);
  sockets.length = 0;
});
afterAll(async () => {
  await replica?.stop();
  await t?.stop();
});

async function connect(url: string, user: TestUser): Promise<ClientSocket> {
  const socket = await connectSocket(url, user.token);
  sockets.push(socket);
  return socket;
}

async function raise(server: Server, user: TestUser, location: string): Promise<EmergencyAlertPayload> {
  const res = await server.inject({
    method: 'POST',
    url: '/api/v1/alerts',
    headers: bearer(user),
    payload: { type: 'RESPIRATORY', severity: 'HIGH', location, description: 'Breathing difficulty' },
  });
  expect(res.statusCode).toBe(201);
  return res.result as EmergencyAlertPayload;
}

async function escalatedAt(alertId: string): Promise<unknown> {
  const [rows] = await t.server.app.sequelize.query(
    `SELECT escalated_at FROM emergency_alerts WHERE id = :id`,
    {
      replacements: { id: alertId },
    },
  );
  return (rows as Array<{ escalated_at: unknown }>)[0]!.escalated_at;
}

const escalationsOf = (received: EmergencyAlertPayload[], alertId: string) =>
  received.filter((a) => a.id === alertId && a.escalated);

describe('escalation', () => {
  let org: TestOrganization;
  beforeAll(async () => {
    org = await createOrganization(t.server);
  });

  it('re-broadcasts an unacknowledged alert once with escalated true; an acknowledged one is not', async () => {
    const nurse = await connect(t.url, org.nurse);
    const received = collect(nurse, 'emergency:alert');
    const unanswered = await raise(t.server, org.admin, 'Room 10');
    const answered = await raise(t.server, org.admin, 'Room 11');
    const ack = await t.server.inject({
      method: 'POST',
      url: `/api/v1/alerts/${answered.id}/acknowledge`,
      headers: bearer(org.viewer),
    });
    expect(ack.statusCode).toBe(200);

    await waitUntil(() => escalationsOf(received, unanswered.id).length > 0, 8_000, 'the escalation');
    expect(escalationsOf(received, unanswered.id)[0]).toMatchObject({ status: 'OPEN', escalated: true });
    expect(await escalatedAt(unanswered.id)).toBeInstanceOf(Date);

    // Fence: a later alert's escalation fires after every earlier timer has.
    const fence = await raise(t.server, org.admin, 'Room 12');
    await waitUntil(() => escalationsOf(received, fence.id).length > 0, 8_000, 'the fence escalation');
    expect(escalationsOf(received, unanswered.id)).toHaveLength(1);
    expect(escalationsOf(received, answered.id)).toHaveLength(0);
    expect(await escalatedAt(answered.id)).toBeNull();

    const [audit] = await t.server.app.sequelize.query(
      `SELECT user_id, details FROM audit_log WHERE entity_id = :id AND action = 'emergency_alert.escalate'`,
      { replacements: { id: unanswered.id } },
    );
    expect(audit).toEqual([{ user_id: null, details: {} }]);
  });

  it('does not escalate a resolved alert', async () => {
    const nurse = await connect(t.url, org.nurse);
    const received = collect(nurse, 'emergency:alert');
    const resolved = await raise(t.server, org.admin, 'Room 20');
    const res = await t.server.inject({
      method: 'POST',
      url: `/api/v1/alerts/${resolved.id}/resolve`,
      headers: bearer(org.nurse),
    });
    expect(res.statusCode).toBe(200);
    const fence = await raise(t.server, org.admin, 'Room 21');
    await waitUntil(() => escalationsOf(received, fence.id).length > 0, 8_000, 'the fence escalation');
    expect(escalationsOf(received, resolved.id)).toHaveLength(0);
    expect(await escalatedAt(resolved.id)).toBeNull();
  });

  it('escalates once when two replicas both hold a timer for the alert', async () => {
    const onPrimary = await connect(t.url, org.nurse);
    const onReplica = await connect(replica.url, org.admin);
    const primaryReceived = collect(onPrimary, 'emergency:alert');
    const replicaReceived = collect(onReplica, 'emergency:alert');

    const alert = await raise(t.server, org.admin, 'Room 30');
    // The primary scheduled it on raise; the replica picks it up as it would on start.
    expect(await replica.server.plugins.alerts.service.resumeEscalations()).toBeGreaterThanOrEqual(1);

    await waitUntil(
      () =>
        escalationsOf(primaryReceived, alert.id).length > 0 &&
        escalationsOf(replicaReceived, alert.id).length > 0,
      8_000,
      'the escalation on both replicas',
    );
    const fence = await raise(t.server, org.admin, 'Room 31');
    await replica.server.plugins.alerts.service.resumeEscalations();
    await waitUntil(
      () =>
        escalationsOf(primaryReceived, fence.id).length > 0 &&
        escalationsOf(replicaReceived, fence.id).length > 0,
      8_000,
      'the fence escalation',
    );
    expect(escalationsOf(primaryReceived, alert.id)).toHaveLength(1);
    expect(escalationsOf(replicaReceived, alert.id)).toHaveLength(1);
    const [rows] = await t.server.app.sequelize.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity_id = :id AND action = 'emergency_alert.escalate'`,
      { replacements: { id: alert.id } },
    );
    expect(rows).toEqual([{ n: 1 }]);
  });
});
