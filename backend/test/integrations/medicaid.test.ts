/**
 * Medicaid eligibility end to end: the API builds a real X12 270, the Medicaid simulator (on
 * port 0) answers a 271, and the answer is stored with its date. Covers active and inactive
 * coverage, a payer's AAA rejection, a retried inquiry, the payer down (503, nothing stored),
 * tenancy and roles. The circuit test runs last: it leaves the circuit open.
 */
import type { Server } from '@hapi/hapi';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulators, type RunningSimulators } from '../../src/integrations/simulators/index.js';
import {
  bearer,
  createOrganization,
  createStudent,
  type TestOrganization,
  type TestUser,
} from '../helpers/fixtures.js';
import { uuid } from '../helpers/jobs.js';
import { startTestServer, type TestServer } from '../helpers/testServer.js';

let sims: RunningSimulators;
let t: TestServer;
let server: Server;
let orgA: TestOrganization;
let orgB: TestOrganization;

beforeAll(async () => {
  sims = await startSimulators();
  t = await startTestServer({
    MEDICAID_API_URL: sims.urls.medicaid,
    MEDICAID_API_KEY: sims.credentials.medicaid.apiKey,
    INTEGRATION_RETRIES: '1',
    INTEGRATION_RETRY_DELAY_MS: '10',
    INTEGRATION_TIMEOUT_MS: '2000',
    INTEGRATION_CIRCUIT_FAILURES: '3',
  });
  server = t.server;
  orgA = await createOrganization(server);
  orgB = await createOrganization(server);
});
afterEach(() => {
  sims.medicaid.server.faults.reset();
  sims.medicaid.server.clearRequests();
});
afterAll(async () => {
  await t?.stop();
  await sims?.stop();
});

const DOB = '2015-04-12';
let members = 0;
/** A member id no other test uses. */
const memberId = () => `MCDT${Date.now().toString(36).toUpperCase()}${(members += 1)}`;

function addMember(id: string, familyName: string, active: boolean) {
  sims.medicaid.addMember({
    memberId: id,
    familyName,
    givenName: 'Jordan',
    birthDate: DOB.replace(/-/g, ''),
    gender: 'U',
    active,
    planName: 'CHILDRENS MEDICAID',
    coverageStart: '20250101',
    coverageEnd: '20261231',
  });
}

const check = (user: TestUser, studentId: string) =>
  server.inject({
    method: 'POST',
    url: `/api/v1/students/${studentId}/medicaid-eligibility`,
    headers: bearer(user),
  });
const history = (user: TestUser, studentId: string) =>
  server.inject({
    method: 'GET',
    url: `/api/v1/students/${studentId}/medicaid-eligibility`,
    headers: bearer(user),
  });
const setMedicaidId = (user: TestUser, studentId: string, medicaidId: string | null) =>
  server.inject({
    method: 'PUT',
    url: `/api/v1/students/${studentId}/medicaid-id`,
    headers: bearer(user),
    payload: { medicaidId },
  });

/** A student of org A, with this Medicaid id recorded (when given). */
async function student(medicaidId?: string, overrides: Record<string, unknown> = {}) {
  const created = await createStudent(server, orgA, { dateOfBirth: DOB, ...overrides });
  if (medicaidId) expect((await setMedicaidId(orgA.nurse, created.id, medicaidId)).statusCode).toBe(200);
  return created;
}

async function count(sql: string, replacements: Record<string, unknown>): Promise<number> {
  const row = (await server.app.sequelize.query(`SELECT count(*)::int AS n FROM ${sql}`, {
    replacements,
    plain: true,
  })) as { n: number };
  return row.n;
}
const storedChecks = (studentId: string) =>
  count('medicaid_eligibility_checks WHERE student_id = :studentId', { studentId });
const auditRows = (studentId: string, action: string) =>
  count(`audit_log WHERE entity_type = 'student' AND entity_id = :studentId AND action = :action`, {
    studentId,
    action,
  });
const inquiriesSent = () => sims.medicaid.server.requestsTo('/eligibility').length;

describe('POST /api/v1/students/{id}/medicaid-eligibility', () => {
  it('stores active coverage, its plan and period, with the date of the check', async () => {
    const id = memberId();
    addMember(id, 'Active', true);
    const s = await student(id);

    const before = Date.now();
    const res = await check(orgA.nurse, s.id);

    expect(res.statusCode).toBe(201);
    const body = res.result as Record<string, unknown>;
    expect(body).toMatchObject({
      studentId: s.id,
      coverage: 'active',
      planName: 'CHILDRENS MEDICAID',
      benefitCodes: ['1'],
      coverageStart: '2025-01-01',
      coverageEnd: '2026-12-31',
      rejection: null,
      checkedBy: orgA.nurse.id,
    });
    const row = (await server.app.sequelize.query(
      `SELECT coverage, checked_at AS "checkedAt", trace_number AS "traceNumber", organization_id AS "organizationId"
         FROM medicaid_eligibility_checks WHERE id = :id`,
      { replacements: { id: body.id }, plain: true },
    )) as { coverage: string; checkedAt: Date; traceNumber: string; organizationId: string };
    expect(row).toMatchObject({ coverage: 'active', organizationId: orgA.id });
    expect(row.checkedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    // The inquiry went out once, carrying its trace number as its idempotency key.
    const sent = sims.medicaid.server.requestsTo('/eligibility');
    expect(sent.map((r) => [r.method, r.status, r.idempotencyKey])).toEqual([['POST', 200, row.traceNumber]]);
    expect(await auditRows(s.id, 'medicaid-eligibility.check')).toBe(1);
  });

  it('finds a child by name and date of birth without a member id, and stores inactive coverage', async () => {
    const familyName = `Inactive${Date.now().toString(36)}`;
    addMember(memberId(), familyName, false);
    const s = await student(undefined, { lastName: familyName, firstName: 'Jordan' });

    const res = await check(orgA.admin, s.id);

    expect(res.statusCode).toBe(201);
    expect(res.result).toMatchObject({
      coverage: 'inactive',
      planName: null,
      benefitCodes: ['6'],
      rejection: null,
      checkedBy: orgA.admin.id,
    });
    expect(await storedChecks(s.id)).toBe(1);
  });

  it("stores the payer's rejection with its reason when the member is not found", async () => {
    const s = await student(memberId());

    const res = await check(orgA.nurse, s.id);

    expect(res.statusCode).toBe(201);
    expect(res.result).toMatchObject({
      coverage: 'unknown',
      benefitCodes: [],
      planName: null,
      rejection: '75 Subscriber/Insured Not Found (Please Correct and Resubmit)',
    });
    expect(await storedChecks(s.id)).toBe(1);
  });

  it('retries an inquiry the payer failed once, with the same idempotency key', async () => {
    const id = memberId();
    addMember(id, 'Retried', true);
    const s = await student(id);
    sims.medicaid.server.faults.set({ failNext: 1, statusOnError: 503 });

    const res = await check(orgA.nurse, s.id);

    expect(res.statusCode).toBe(201);
    expect(res.result).toMatchObject({ coverage: 'active' });
    const sent = sims.medicaid.server.requestsTo('/eligibility');
    expect(sent.map((r) => r.status)).toEqual([503, 200]);
    expect(new Set(sent.map((r) => r.idempotencyKey)).size).toBe(1);
    expect(await storedChecks(s.id)).toBe(1);
  });

  it('refuses a student whose name X12 cannot carry and who has no member id (400, nothing sent)', async () => {
    const s = await student(undefined, { firstName: '明', lastName: '王' });

    const res = await check(orgA.nurse, s.id);

    expect(res.statusCode).toBe(400);
    expect(res.result).toMatchObject({
      message: expect.stringMatching(/cannot be sent in a Medicaid inquiry/),
    });
    expect(inquiriesSent()).toBe(0);
    expect(await storedChecks(s.id)).toBe(0);
  });

  it("answers 404 for another organization's student and 403 for a viewer, sending nothing", async () => {
    const id = memberId();
    addMember(id, 'Tenant', true);
    const s = await student(id);

    expect((await check(orgB.nurse, s.id)).statusCode).toBe(404);
    expect((await check(orgB.admin, s.id)).statusCode).toBe(404);
    expect((await check(orgA.nurse, uuid())).statusCode).toBe(404);
    expect((await check(orgA.viewer, s.id)).statusCode).toBe(403);
    expect(inquiriesSent()).toBe(0);
    expect(await storedChecks(s.id)).toBe(0);
  });
});

describe('GET /api/v1/students/{id}/medicaid-eligibility', () => {
  it('answers the member id, the latest check and the history, newest first, and audits the read', async () => {
    const id = memberId();
    addMember(id, 'History', true);
    const s = await student(id);
    const first = (await check(orgA.nurse, s.id)).result as { id: string };
    const second = (await check(orgA.nurse, s.id)).result as { id: string };

    const res = await history(orgA.admin, s.id);

    expect(res.statusCode).toBe(200);
    const body = res.result as { medicaidId: string; latest: { id: string }; history: Array<{ id: string }> };
    expect(body.medicaidId).toBe(id);
    expect(body.latest.id).toBe(second.id);
    expect(body.history.map((c) => c.id)).toEqual([second.id, first.id]);
    expect(await auditRows(s.id, 'medicaid-eligibility.read')).toBe(1);
  });

  it('answers an empty history for a student never checked', async () => {
    const s = await student();
    const res = await history(orgA.nurse, s.id);
    expect(res.statusCode).toBe(200);
    expect(res.result).toEqual({ medicaidId: null, latest: null, history: [] });
  });

  it("answers 404 for another organization's student and 403 for a viewer", async () => {
    const s = await student(memberId());
    expect((await history(orgB.admin, s.id)).statusCode).toBe(404);
    expect((await history(orgA.viewer, s.id)).statusCode).toBe(403);
  });
});

describe('PUT /api/v1/students/{id}/medicaid-id', () => {
  it('records, replaces and clears the member id, audited', async () => {
    const s = await student();

    expect((await setMedicaidId(orgA.nurse, s.id, 'MCD-0001')).result).toEqual({ medicaidId: 'MCD-0001' });
    expect((await setMedicaidId(orgA.admin, s.id, null)).result).toEqual({ medicaidId: null });
    expect(((await history(orgA.nurse, s.id)).result as { medicaidId: unknown }).medicaidId).toBeNull();
    expect(await auditRows(s.id, 'medicaid-id.update')).toBe(2);
  });

  it('refuses an id X12 cannot carry, another organization and a viewer', async () => {
    const s = await student();

    const bad = await setMedicaidId(orgA.nurse, s.id, 'MCD*0001~');
    expect(bad.statusCode).toBe(400);
    expect(bad.result).toMatchObject({ message: expect.stringMatching(/letters, digits or hyphens/) });
    expect((await setMedicaidId(orgB.nurse, s.id, 'MCD-0002')).statusCode).toBe(404);
    expect((await setMedicaidId(orgA.viewer, s.id, 'MCD-0003')).statusCode).toBe(403);
    expect(((await history(orgA.nurse, s.id)).result as { medicaidId: unknown }).medicaidId).toBeNull();
  });
});

describe('the payer down', () => {
  it('answers 503 with a clear message, stores nothing, and opens the circuit the admin page shows', async () => {
    const id = memberId();
    addMember(id, 'Outage', true);
    const s = await student(id);
    sims.medicaid.server.faults.set({ outage: true });

    const first = await check(orgA.nurse, s.id);

    expect(first.statusCode).toBe(503);
    expect(first.result).toMatchObject({
      error: 'Service Unavailable',
      message: 'medicaid is unavailable (status 503)',
    });
    expect(first.payload).not.toMatch(/stack|at \w+ \(/);
    expect(await storedChecks(s.id)).toBe(0);
    expect(await auditRows(s.id, 'medicaid-eligibility.check-failed')).toBe(1);

    // Two attempts per check (one retry): the third failure opens the circuit.
    await check(orgA.nurse, s.id);
    const sentBefore = inquiriesSent();
    const failedFast = await check(orgA.nurse, s.id);
    expect(failedFast.statusCode).toBe(503);
    expect(failedFast.result).toMatchObject({
      message: 'medicaid is unavailable (circuit open after repeated failures)',
    });
    expect(inquiriesSent()).toBe(sentBefore);

    const status = await server.inject({
      method: 'GET',
      url: '/api/v1/admin/integrations',
      headers: bearer(orgA.admin),
    });
    expect(status.statusCode).toBe(200);
    const medicaid = (
      status.result as { data: Array<{ name: string; state: string; failures: number }> }
    ).data.find((i) => i.name === 'medicaid');
    expect(medicaid?.state).toBe('open');
    // Counted since start-up: the retry test's failure is among them.
    expect(medicaid?.failures).toBeGreaterThanOrEqual(3);
    expect(await storedChecks(s.id)).toBe(0);
  });
});
