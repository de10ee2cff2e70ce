import { describe, expect, it } from 'vitest';
import type { EmergencyAlertPayload } from '../../src/infrastructure/websocket/events.js';
import { seedAlertsDemo } from '../../src/seed/alertsDemo.js';
import {
  actorFor,
  bearer,
  createOrganization,
  createStudent,
  createStudents,
  type TestUser,
} from '../helpers/fixtures.js';
import { twoOrganizationSuite } from '../helpers/suite.js';

const s = twoOrganizationSuite();

const alertBody = (overrides: Record<string, unknown> = {}) => ({
  type: 'SEIZURE',
  severity: 'CRITICAL',
  location: 'Gymnasium',
  description: 'Student collapsed during class',
  ...overrides,
});

async function raise(user: TestUser, overrides: Record<string, unknown> = {}) {
  return s.server.inject({
    method: 'POST',
    url: '/api/v1/alerts',
    headers: bearer(user),
    payload: alertBody(overrides),
  });
}

async function raised(
  user: TestUser,
  overrides: Record<string, unknown> = {},
): Promise<EmergencyAlertPayload> {
  const res = await raise(user, overrides);
  expect(res.statusCode).toBe(201);
  return res.result as EmergencyAlertPayload;
}

const post = (user: TestUser, url: string, payload?: unknown) =>
  s.server.inject({ method: 'POST', url, headers: bearer(user), payload: payload as object });

async function count(sql: string, replacements: Record<string, unknown>): Promise<number> {
  const [rows] = await s.server.app.sequelize.query(`SELECT count(*)::int AS n FROM ${sql}`, {
    replacements,
  });
  return (rows as Array<{ n: number }>)[0]!.n;
}

const auditCount = (alertId: string, action: string) =>
  count(`audit_log WHERE entity_type = 'emergency_alert' AND entity_id = :alertId AND action = :action`, {
    alertId,
    action,
  });

describe('raising an alert', () => {
  it('answers 201 with the payload, names the student and the raiser, and writes the row', async () => {
    const student = await createStudent(s.server, s.orgA);
    const alert = await raised(s.orgA.nurse, { studentId: student.id });
    expect(alert).toMatchObject({
      type: 'SEIZURE',
      severity: 'CRITICAL',
      location: 'Gymnasium',
      description: 'Student collapsed during class',
      studentId: student.id,
      studentName: `${student.firstName} ${student.lastName}`,
      raisedBy: { userId: s.orgA.nurse.id },
      status: 'OPEN',
      escalated: false,
      acknowledgements: [],
    });
    expect(alert.raisedBy.name).toMatch(/^NURSE /);
    expect(new Date(alert.createdAt).toISOString()).toBe(alert.createdAt);
    const [rows] = await s.server.app.sequelize.query(
      `SELECT organization_id, student_id, raised_by, status, escalated_at FROM emergency_alerts WHERE id = :id`,
      { replacements: { id: alert.id } },
    );
    expect(rows).toEqual([
      {
        organization_id: s.orgA.id,
        student_id: student.id,
        raised_by: s.orgA.nurse.id,
        status: 'OPEN',
        escalated_at: null,
      },
    ]);
  });

  it('audits the raise with the student id and no health data', async () => {
    const student = await createStudent(s.server, s.orgA);
    const alert = await raised(s.orgA.admin, { studentId: student.id });
    const [rows] = await s.server.app.sequelize.query(
      `SELECT user_id, details FROM audit_log WHERE entity_id = :id AND action = 'emergency_alert.raise'`,
      { replacements: { id: alert.id } },
    );
    expect(rows).toEqual([{ user_id: s.orgA.admin.id, details: { studentId: student.id } }]);
  });

  it('raises an alert without a student', async () => {
    const alert = await raised(s.orgA.nurse, { studentId: undefined });
    expect(alert.studentId).toBeNull();
    expect(alert.studentName).toBeNull();
  });

  it('notifies every nurse and admin of the organization except the raiser, without health detail', async () => {
    const org = await createOrganization(s.server);
    const alert = await raised(org.nurse);
    const [rows] = await s.server.app.sequelize.query(
      `SELECT user_id, type, title, message FROM notifications WHERE organization_id = :org`,
      { replacements: { org: org.id } },
    );
    expect(rows).toEqual([
      {
        user_id: org.admin.id,
        type: 'EMERGENCY_ALERT',
        title: 'Emergency alert: Seizure',
        message: expect.stringContaining('Gymnasium'),
      },
    ]);
    expect(JSON.stringify(rows)).not.toContain(alert.description);
  });

  it("answers 404 for another organization's student and writes nothing", async () => {
    const foreign = await createStudent(s.server, s.orgB);
    const res = await raise(s.orgA.nurse, { studentId: foreign.id });
    expect(res.statusCode).toBe(404);
    expect(await count(`emergency_alerts WHERE student_id = :id`, { id: foreign.id })).toBe(0);
  });

  it('refuses a VIEWER with 403 and writes nothing', async () => {
    const marker = `Office ${Date.now()}`;
    const res = await raise(s.orgA.viewer, { location: marker });
    expect(res.statusCode).toBe(403);
    expect(await count(`emergency_alerts WHERE location = :marker`, { marker })).toBe(0);
  });

  it.each([
    ['a missing type', { type: undefined }, 'type'],
    ['an unknown type', { type: 'ZOMBIE' }, 'type'],
    ['an unknown severity', { severity: 'EXTREME' }, 'severity'],
    ['an empty location', { location: '' }, 'location'],
    ['an over-long description', { description: 'x'.repeat(2001) }, 'description'],
    ['a bad student id', { studentId: 'not-a-uuid' }, 'studentId'],
    ['an unknown field', { priority: 1 }, 'priority'],
  ])('answers 400 for %s, naming the field', async (_what, overrides, field) => {
    const res = await raise(s.orgA.nurse, overrides);
    expect(res.statusCode).toBe(400);
    expect((res.result as { message: string }).message).toContain(field);
  });
});

describe('listing alerts', () => {
  it('lists newest first with acknowledgements, filtered by status', async () => {
    const org = await createOrganization(s.server);
    const first = await raised(org.nurse, { location: 'Library' });
    const second = await raised(org.nurse, { location: 'Cafeteria' });
    expect((await post(org.admin, `/api/v1/alerts/${first.id}/acknowledge`)).statusCode).toBe(200);
    expect((await post(org.nurse, `/api/v1/alerts/${second.id}/resolve`)).statusCode).toBe(200);

    const open = await s.server.inject({ url: '/api/v1/alerts?status=open', headers: bearer(org.nurse) });
    expect(open.statusCode).toBe(200);
    const openData = (open.result as { data: EmergencyAlertPayload[] }).data;
    expect(openData.map((a) => a.id)).toEqual([first.id]);
    expect(openData[0]!.acknowledgements).toEqual([
      {
        userId: org.admin.id,
        userName: expect.stringMatching(/^ADMIN /),
        acknowledgedAt: expect.any(String),
      },
    ]);

    const all = await s.server.inject({ url: '/api/v1/alerts?status=all', headers: bearer(org.nurse) });
    expect((all.result as { data: EmergencyAlertPayload[] }).data.map((a) => a.id)).toEqual([
      second.id,
      first.id,
    ]);
    const resolved = await s.server.inject({
      url: '/api/v1/alerts?status=resolved',
      headers: bearer(org.nurse),
    });
    const resolvedData = (resolved.result as { data: EmergencyAlertPayload[] }).data;
    expect(resolvedData.map((a) => [a.id, a.status])).toEqual([[second.id, 'RESOLVED']]);
  });

  it("never shows another organization's alerts", async () => {
    const alert = await raised(s.orgB.nurse);
    const res = await s.server.inject({
      url: '/api/v1/alerts?status=all&limit=200',
      headers: bearer(s.orgA.admin),
    });
    expect((res.result as { data: EmergencyAlertPayload[] }).data.some((a) => a.id === alert.id)).toBe(false);
  });

  it('shows a VIEWER the alert without the free-text description', async () => {
    const org = await createOrganization(s.server);
    const alert = await raised(org.nurse);
    const res = await s.server.inject({ url: '/api/v1/alerts', headers: bearer(org.viewer) });
    expect(res.statusCode).toBe(200);
    const [seen] = (res.result as { data: EmergencyAlertPayload[] }).data;
    expect(seen).toMatchObject({ id: alert.id, type: 'SEIZURE', location: 'Gymnasium', description: '' });
  });

  it('audits the list with the alert ids', async () => {
    const org = await createOrganization(s.server);
    const alert = await raised(org.nurse);
    await s.server.inject({ url: '/api/v1/alerts', headers: bearer(org.admin) });
    const [rows] = await s.server.app.sequelize.query(
      `SELECT details FROM audit_log WHERE organization_id = :org AND action = 'emergency_alert.list'`,
      { replacements: { org: org.id } },
    );
    expect(rows).toEqual([{ details: { resultCount: 1, alertIds: [alert.id], studentIds: [] } }]);
  });

  it.each([
    ['an unknown status', '?status=closed'],
    ['a junk limit', '?limit=abc'],
    ['a limit over the maximum', '?limit=1000'],
    ['an unknown parameter', '?page=2'],
  ])('answers 400 for %s', async (_what, query) => {
    const res = await s.server.inject({ url: `/api/v1/alerts${query}`, headers: bearer(s.orgA.nurse) });
    expect(res.statusCode).toBe(400);
  });
});

describe('acknowledging an alert', () => {
  it('records who and when; a second acknowledgement keeps the first time', async () => {
    const alert = await raised(s.orgA.nurse);
    const first = await post(s.orgA.viewer, `/api/v1/alerts/${alert.id}/acknowledge`);
    expect(first.statusCode).toBe(200);
    const [ack] = (first.result as EmergencyAlertPayload).acknowledgements;
    expect(ack).toMatchObject({ userId: s.orgA.viewer.id, userName: expect.stringMatching(/^VIEWER /) });

    const again = await post(s.orgA.viewer, `/api/v1/alerts/${alert.id}/acknowledge`, {});
    expect(again.statusCode).toBe(200);
    expect((again.result as EmergencyAlertPayload).acknowledgements).toEqual([ack]);
    expect(await count(`alert_acknowledgements WHERE alert_id = :id`, { id: alert.id })).toBe(1);
    expect(await auditCount(alert.id, 'emergency_alert.acknowledge')).toBe(2);
  });

  it('keeps one acknowledgement per user, in order', async () => {
    const alert = await raised(s.orgA.nurse);
    await post(s.orgA.admin, `/api/v1/alerts/${alert.id}/acknowledge`);
    const res = await post(s.orgA.nurse, `/api/v1/alerts/${alert.id}/acknowledge`);
    expect((res.result as EmergencyAlertPayload).acknowledgements.map((a) => a.userId)).toEqual([
      s.orgA.admin.id,
      s.orgA.nurse.id,
    ]);
  });

  it("answers 404 for another organization's alert and writes nothing", async () => {
    const alert = await raised(s.orgB.nurse);
    const res = await post(s.orgA.nurse, `/api/v1/alerts/${alert.id}/acknowledge`);
    expect(res.statusCode).toBe(404);
    expect(await count(`alert_acknowledgements WHERE alert_id = :id`, { id: alert.id })).toBe(0);
  });

  it('answers 404 for an alert that does not exist', async () => {
    const res = await post(s.orgA.nurse, `/api/v1/alerts/8f1c1f8e-4a5b-4c6d-9e7f-0a1b2c3d4e5f/acknowledge`);
    expect(res.statusCode).toBe(404);
  });

  it('refuses a resolved alert with 422 and writes nothing', async () => {
    const alert = await raised(s.orgA.nurse);
    await post(s.orgA.nurse, `/api/v1/alerts/${alert.id}/resolve`);
    const res = await post(s.orgA.viewer, `/api/v1/alerts/${alert.id}/acknowledge`);
    expect(res.statusCode).toBe(422);
    expect((res.result as { message: string }).message).toMatch(/resolved/);
    expect(await count(`alert_acknowledgements WHERE alert_id = :id`, { id: alert.id })).toBe(0);
  });

  it.each([
    ['a bad id', '/api/v1/alerts/not-a-uuid/acknowledge', undefined],
    ['a body with fields', '/api/v1/alerts/8f1c1f8e-4a5b-4c6d-9e7f-0a1b2c3d4e5f/acknowledge', { at: 'now' }],
  ])('answers 400 for %s', async (_what, url, payload) => {
    expect((await post(s.orgA.nurse, url, payload)).statusCode).toBe(400);
  });
});

describe('resolving an alert', () => {
  it('marks it resolved, records who, and audits', async () => {
    const alert = await raised(s.orgA.nurse);
    const res = await post(s.orgA.admin, `/api/v1/alerts/${alert.id}/resolve`);
    expect(res.statusCode).toBe(200);
    expect((res.result as EmergencyAlertPayload).status).toBe('RESOLVED');
    const [rows] = await s.server.app.sequelize.query(
      `SELECT status, resolved_by, resolved_at IS NOT NULL AS has_time FROM emergency_alerts WHERE id = :id`,
      { replacements: { id: alert.id } },
    );
    expect(rows).toEqual([{ status: 'RESOLVED', resolved_by: s.orgA.admin.id, has_time: true }]);
    expect(await auditCount(alert.id, 'emergency_alert.resolve')).toBe(1);
  });

  it('refuses a second resolve with 422', async () => {
    const alert = await raised(s.orgA.nurse);
    await post(s.orgA.nurse, `/api/v1/alerts/${alert.id}/resolve`);
    const res = await post(s.orgA.admin, `/api/v1/alerts/${alert.id}/resolve`);
    expect(res.statusCode).toBe(422);
    expect(await auditCount(alert.id, 'emergency_alert.resolve')).toBe(1);
  });

  it('refuses a VIEWER with 403 and leaves the alert open', async () => {
    const alert = await raised(s.orgA.nurse);
    expect((await post(s.orgA.viewer, `/api/v1/alerts/${alert.id}/resolve`)).statusCode).toBe(403);
    expect(await count(`emergency_alerts WHERE id = :id AND status = 'OPEN'`, { id: alert.id })).toBe(1);
  });

  it("answers 404 for another organization's alert", async () => {
    const alert = await raised(s.orgB.nurse);
    expect((await post(s.orgA.admin, `/api/v1/alerts/${alert.id}/resolve`)).statusCode).toBe(404);
    expect(await count(`emergency_alerts WHERE id = :id AND status = 'OPEN'`, { id: alert.id })).toBe(1);
  });
});

describe('replay for a connecting socket', () => {
  it('answers open alerts the user has not acknowledged, oldest first, and audits the replay', async () => {
    const org = await createOrganization(s.server);
    const older = await raised(org.nurse, { location: 'Room 1' });
    const acknowledged = await raised(org.nurse, { location: 'Room 2' });
    const resolved = await raised(org.nurse, { location: 'Room 3' });
    const newer = await raised(org.nurse, { location: 'Room 4' });
    await post(org.admin, `/api/v1/alerts/${acknowledged.id}/acknowledge`);
    await post(org.nurse, `/api/v1/alerts/${resolved.id}/resolve`);
    const identity = {
      userId: org.admin.id,
      organizationId: org.id,
      sessionId: 'not-used',
      role: 'ADMIN' as const,
      name: 'Admin',
    };
    const replay = await s.server.plugins.alerts.openAlertsFor(identity);
    expect(replay.map((a) => a.id)).toEqual([older.id, newer.id]);
    const [rows] = await s.server.app.sequelize.query(
      `SELECT details FROM audit_log WHERE user_id = :user AND action = 'emergency_alert.replay'`,
      { replacements: { user: org.admin.id } },
    );
    expect(rows).toEqual([{ details: { resultCount: 2, alertIds: [older.id, newer.id] } }]);
  });

  it("never replays another organization's alerts", async () => {
    const org = await createOrganization(s.server);
    await raised(s.orgB.nurse);
    const replay = await s.server.plugins.alerts.openAlertsFor({
      userId: org.nurse.id,
      organizationId: org.id,
      sessionId: 'not-used',
      role: 'NURSE',
      name: 'Nurse',
    });
    expect(replay).toEqual([]);
  });
});

describe('demo seed', () => {
  it('adds a resolved history and one acknowledged open alert through the service', async () => {
    const org = await createOrganization(s.server);
    const students = await createStudents(s.server, org, 6);
    await seedAlertsDemo(s.server, actorFor(org, 'NURSE'), students);
    const [rows] = await s.server.app.sequelize.query(
      `SELECT status, count(*)::int AS n FROM emergency_alerts WHERE organization_id = :org GROUP BY status ORDER BY status`,
      { replacements: { org: org.id } },
    );
    expect(rows).toEqual([
      { status: 'OPEN', n: 1 },
      { status: 'RESOLVED', n: 4 },
    ]);
    expect(await count(`alert_acknowledgements WHERE organization_id = :org`, { org: org.id })).toBe(5);
  });
});
