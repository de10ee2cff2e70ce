/**
 * Notifications: stored per user, pushed to the user's sockets, listed and marked read over
 * REST and over the `notification:read` socket event, never across users or organizations.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createOrganization, type TestOrganization, type TestUser } from '../helpers/fixtures.js';
import { startListeningServer, type ListeningTestServer } from '../helpers/listeningServer.js';
import { closeAll, connectSocket, waitForEvent, type ClientSocket } from '../helpers/socketClient.js';
import type { NotificationReadAck } from '../../src/infrastructure/websocket/events.js';

let t: ListeningTestServer;
let org: TestOrganization;
let other: TestOrganization;
const opened: ClientSocket[] = [];

const notice = (title = 'Reminder') => ({ type: 'GENERAL', title, message: 'Check the first-aid kit' });

function createFor(owner: TestOrganization, user: TestUser, title?: string) {
  return t.server.plugins.notifications.service.create(owner.id, user.id, notice(title));
}

async function readAt(id: string): Promise<Date | null> {
  const [rows] = await t.server.app.sequelize.query('SELECT read_at FROM notifications WHERE id = :id', {
    replacements: { id },
  });
  return (rows as Array<{ read_at: Date | null }>)[0]!.read_at;
}

async function auditCount(action: string, userId: string): Promise<number> {
  const [rows] = await t.server.app.sequelize.query(
    'SELECT count(*)::int AS n FROM audit_log WHERE action = :action AND user_id = :userId',
    { replacements: { action, userId } },
  );
  return (rows as Array<{ n: number }>)[0]!.n;
}

function readOverSocket(socket: ClientSocket, payload: unknown): Promise<NotificationReadAck> {
  return (
    socket.timeout(5_000) as unknown as {
      emitWithAck(event: string, payload: unknown): Promise<NotificationReadAck>;
    }
  ).emitWithAck('notification:read', payload);
}

beforeAll(async () => {
  t = await startListeningServer();
  org = await createOrganization(t.server);
  other = await createOrganization(t.server);
});
afterEach(() => closeAll(opened.splice(0)));
afterAll(() => t.stop());

describe('GET /api/v1/notifications', () => {
  it("lists the caller's own notifications, newest first, with the unread count", async () => {
    const first = await createFor(org, org.viewer, 'First');
    const second = await createFor(org, org.viewer, 'Second');
    await createFor(org, org.nurse, 'Not yours');
    const res = await t.server.inject({
      method: 'GET',
      url: '/api/v1/notifications',
      headers: bearer(org.viewer),
    });
    expect(res.statusCode).toBe(200);
    const body = res.result as { data: Array<{ id: string; title: string }>; unread: number; total: number };
    expect(body).toMatchObject({ unread: 2, total: 2, page: 1, pageSize: 25 });
    expect(body.data.map((n) => n.id)).toEqual([second.id, first.id]);
    expect(await auditCount('notification.list', org.viewer.id)).toBeGreaterThanOrEqual(1);
  });

  it('filters unread and pages', async () => {
    const user = org.admin;
    const a = await createFor(org, user, 'A');
    await createFor(org, user, 'B');
    await createFor(org, user, 'C');
    await t.server.inject({
      method: 'POST',
      url: `/api/v1/notifications/${a.id}/read`,
      headers: bearer(user),
    });
    const unread = await t.server.inject({
      method: 'GET',
      url: '/api/v1/notifications?unread=true&page=1&pageSize=1',
      headers: bearer(user),
    });
    expect(unread.statusCode).toBe(200);
    const body = unread.result as { data: Array<{ readAt: Date | null }>; unread: number; total: number };
    expect(body).toMatchObject({ unread: 2, total: 2, page: 1, pageSize: 1 });
    expect(body.data).toHaveLength(1);
    expect(body.data[0]!.readAt).toBeNull();
  });

  it('refuses junk queries and requires a token', async () => {
    for (const query of ['unread=maybe', 'page=0', 'pageSize=1000', 'sort=title']) {
      const res = await t.server.inject({
        method: 'GET',
        url: `/api/v1/notifications?${query}`,
        headers: bearer(org.nurse),
      });
      expect(res.statusCode).toBe(400);
    }
    const anonymous = await t.server.inject({ method: 'GET', url: '/api/v1/notifications' });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('POST /api/v1/notifications/{id}/read', () => {
  it('marks the caller’s notification read and audits it', async () => {
    const n = await createFor(org, org.nurse);
    const res = await t.server.inject({
      method: 'POST',
      url: `/api/v1/notifications/${n.id}/read`,
      headers: bearer(org.nurse),
    });
    expect(res.statusCode).toBe(200);
    expect((res.result as { readAt: Date | null }).readAt).not.toBeNull();
    expect(await readAt(n.id)).not.toBeNull();
    expect(await auditCount('notification.read', org.nurse.id)).toBeGreaterThanOrEqual(1);
  });

  it("answers 404 for another user's notification and leaves it unread", async () => {
    const mine = await createFor(org, org.nurse);
    const res = await t.server.inject({
      method: 'POST',
      url: `/api/v1/notifications/${mine.id}/read`,
      headers: bearer(org.viewer),
    });
    expect(res.statusCode).toBe(404);
    expect(await readAt(mine.id)).toBeNull();
  });

  it("answers 404 for another organization's notification", async () => {
    const theirs = await createFor(other, other.nurse);
    const res = await t.server.inject({
      method: 'POST',
      url: `/api/v1/notifications/${theirs.id}/read`,
      headers: bearer(org.admin),
    });
    expect(res.statusCode).toBe(404);
    expect(await readAt(theirs.id)).toBeNull();
  });

  it('refuses a bad id and a body', async () => {
    const bad = await t.server.inject({
      method: 'POST',
      url: '/api/v1/notifications/not-a-uuid/read',
      headers: bearer(org.nurse),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.result).toMatchObject({ message: expect.stringContaining('id') });
    const n = await createFor(org, org.nurse);
    const withBody = await t.server.inject({
      method: 'POST',
      url: `/api/v1/notifications/${n.id}/read`,
      headers: bearer(org.nurse),
      payload: { readAt: '2020-01-01' },
    });
    expect(withBody.statusCode).toBe(400);
    expect(await readAt(n.id)).toBeNull();
  });
});

describe('the service', () => {
  it('refuses a malformed notification and writes nothing', async () => {
    const before = await t.server.app.sequelize.query('SELECT count(*)::int AS n FROM notifications');
    await expect(
      t.server.plugins.notifications.service.create(org.id, org.nurse.id, {
        type: 'lower case',
        title: 'x',
        message: 'y',
      }),
    ).rejects.toMatchObject({ statusCode: 400 });
    const after = await t.server.app.sequelize.query('SELECT count(*)::int AS n FROM notifications');
    expect(after[0]).toEqual(before[0]);
  });

  it('notifies every active nurse of the organization', async () => {
    const sent = await t.server.plugins.notifications.service.notifyOrganizationNurses(
      other.id,
      notice('All nurses'),
    );
    expect(sent).toBe(1);
    const [rows] = await t.server.app.sequelize.query(
      "SELECT user_id FROM notifications WHERE organization_id = :org AND title = 'All nurses'",
      { replacements: { org: other.id } },
    );
    expect(rows).toEqual([{ user_id: other.nurse.id }]);
  });

  it('tells each staff member once per dedupe key, however often it is asked', async () => {
    const service = t.server.plugins.notifications.service;
    const key = `test-once-${crypto.randomUUID()}`;
    expect(await service.notifyStaffOnce(other.id, ['NURSE', 'ADMIN'], key, notice('Once'))).toBe(2);
    expect(await service.notifyStaffOnce(other.id, ['NURSE', 'ADMIN'], key, notice('Once'))).toBe(0);
    const [rows] = await t.server.app.sequelize.query(
      'SELECT user_id FROM notifications WHERE organization_id = :org AND dedupe_key = :key ORDER BY user_id',
      { replacements: { org: other.id, key } },
    );
    expect(rows).toEqual([other.admin.id, other.nurse.id].sort().map((id) => ({ user_id: id })));
  });
});

describe('over sockets', () => {
  it("pushes a new notification to the user's sockets only", async () => {
    const mine = await connectSocket(t.url, org.nurse.token);
    const theirs = await connectSocket(t.url, org.viewer.token);
    opened.push(mine, theirs);
    const missed: unknown[] = [];
    theirs.on('health:notification', (n) => missed.push(n));
    const arrival = waitForEvent(mine, 'health:notification');
    const n = await createFor(org, org.nurse, 'Pushed');
    expect(await arrival).toMatchObject({ id: n.id, type: 'GENERAL', title: 'Pushed' });
    expect(missed).toEqual([]);
  });

  it('notification:read marks only the caller’s notification', async () => {
    const socket = await connectSocket(t.url, org.nurse.token);
    opened.push(socket);
    const mine = await createFor(org, org.nurse);
    const someoneElses = await createFor(org, org.admin);
    expect(await readOverSocket(socket, { id: mine.id })).toEqual({ ok: true });
    expect(await readAt(mine.id)).not.toBeNull();
    expect(await readOverSocket(socket, { id: someoneElses.id })).toEqual({ ok: false, error: 'not found' });
    expect(await readAt(someoneElses.id)).toBeNull();
  });

  it('notification:read refuses a malformed id without touching anything', async () => {
    const socket = await connectSocket(t.url, org.nurse.token);
    opened.push(socket);
    expect(await readOverSocket(socket, { id: 'nope' })).toEqual({ ok: false, error: 'invalid id' });
    expect(await readOverSocket(socket, null)).toEqual({ ok: false, error: 'invalid id' });
    expect(socket.connected).toBe(true);
  });
});
