/** Shared setup, builders and queries for the healthRecords test files. */
import type { Server } from '@hapi/hapi';
import { beforeAll, expect } from 'vitest';
import { bearer, createStudent, type TestUser } from './fixtures.js';
import { twoOrganizationSuite, type TwoOrganizationSuite } from './suite.js';

export function allergyPayload(overrides: Record<string, unknown> = {}) {
  return {
    allergen: 'Peanut',
    allergyType: 'FOOD',
    severity: 'LIFE_THREATENING',
    reactions: ['Hives', 'Throat swelling'],
    emergencyProtocol: 'Give EpiPen, call 911, call parent',
    epiPenRequired: true,
    epiPenLocation: 'Nurse office, cabinet B',
    epiPenExpiresOn: '2031-06-30',
    notes: 'Diagnosed age 3',
    ...overrides,
  };
}

export function conditionPayload(overrides: Record<string, unknown> = {}) {
  return {
    condition: 'Asthma',
    icd10Code: 'J45.909',
    status: 'ACTIVE',
    actionPlan: 'Albuterol 2 puffs as needed',
    accommodations: 'Inhaler in PE',
    triggers: ['Cold air', 'Exercise'],
    flagged: true,
    notes: 'Uses spacer',
    ...overrides,
  };
}

export function contactPayload(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Alex Parent',
    relationship: 'Mother',
    priority: 1,
    phones: [{ type: 'MOBILE', number: '+1 555-010-0001' }],
    email: 'alex.parent@example.com',
    canPickUp: true,
    notes: 'Works nights',
    ...overrides,
  };
}

export function screeningPayload(overrides: Record<string, unknown> = {}) {
  return {
    type: 'VISION',
    screenedOn: '2025-09-15',
    result: 'PASS',
    measurements: { rightEye: '20/20', leftEye: '20/25' },
    notes: 'Wears glasses',
    ...overrides,
  };
}

export function api(server: Server) {
  return {
    get: (user: TestUser, url: string) => server.inject({ method: 'GET', url, headers: bearer(user) }),
    post: (user: TestUser, url: string, payload: object) =>
      server.inject({ method: 'POST', url, headers: bearer(user), payload }),
    patch: (user: TestUser, url: string, payload: object) =>
      server.inject({ method: 'PATCH', url, headers: bearer(user), payload }),
  };
}

export interface HealthRecordsSuite extends TwoOrganizationSuite {
  http: ReturnType<typeof api>;
}

/** The file's server and organizations, filled in by beforeAll (so read them inside tests only). */
export function healthRecordsSuite(): HealthRecordsSuite {
  const suite = twoOrganizationSuite() as HealthRecordsSuite;
  beforeAll(() => {
    suite.http = api(suite.server);
  });
  return suite;
}

export async function count(server: Server, sql: string, replacements: Record<string, unknown> = {}) {
  const row = (await server.app.sequelize.query(sql, { replacements, plain: true })) as { n: number };
  return row.n;
}

/** Rows of one table for a student. */
export function rowsOf(server: Server, table: string, studentId: string) {
  return count(server, `SELECT count(*)::int AS n FROM ${table} WHERE student_id = :studentId`, {
    studentId,
  });
}

/** Audit rows of one action that name this student in their details. */
export function auditRowsFor(server: Server, action: string, studentId: string) {
  return count(
    server,
    `SELECT count(*)::int AS n FROM audit_log WHERE action = :action AND details->>'studentId' = :studentId`,
    { action, studentId },
  );
}

/** A create with one bad field: 400 naming the field, and nothing written for the student. */
export async function expectFieldRefused(
  t: HealthRecordsSuite,
  path: (studentId: string) => string,
  table: string,
  payload: object,
  field: string,
) {
  const student = await createStudent(t.server, t.orgA);
  const res = await t.http.post(t.orgA.nurse, path(student.id), payload);
  expect(res.statusCode).toBe(400);
  expect((res.result as { message: string }).message).toContain(field);
  expect(await rowsOf(t.server, table, student.id)).toBe(0);
}
