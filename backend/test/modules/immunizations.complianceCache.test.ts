/**
 * The compliance summary is cached per organization, filter and date; every write that can
 * change it (a dose, an exemption, a registry import, the rule set, a student's row) makes
 * the next read fresh, and only for the organization written to.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BORN_K6,
  COMPLETE_K6_HISTORY,
  recordExemption,
  updateStudent,
} from '../helpers/immunizationFixtures.js';
import {
  actorFor,
  bearer,
  createOrganization,
  createStudent,
  type TestOrganization,
} from '../helpers/fixtures.js';
import { twoOrganizationSuite } from '../helpers/suite.js';

const s = twoOrganizationSuite();

const BORN = BORN_K6;
const AS_OF = '2024-09-01';
const COMPLETE = COMPLETE_K6_HISTORY;
const WITHOUT_VARICELLA = COMPLETE.filter(([cvx]) => cvx !== '21');

interface Summary {
  total: number;
  counts: Record<'COMPLIANT' | 'DUE' | 'OVERDUE' | 'EXEMPT', number>;
  groups: Array<{ grade: string; total: number }>;
}

async function summary(org: TestOrganization, query = `asOf=${AS_OF}`): Promise<Summary> {
  const res = await s.server.inject({
    url: `/api/v1/immunizations/compliance?${query}`,
    headers: bearer(org.nurse),
  });
  expect(res.statusCode, res.payload).toBe(200);
  return res.result as Summary;
}

async function record(org: TestOrganization, studentId: string, doses: Array<[string, string]>) {
  for (const [cvxCode, administeredOn] of doses) {
    const res = await s.server.inject({
      method: 'POST',
      url: `/api/v1/students/${studentId}/immunizations`,
      headers: bearer(org.nurse),
      payload: { cvxCode, administeredOn, source: 'HISTORICAL' },
    });
    expect(res.statusCode, res.payload).toBe(201);
  }
}

/** The cache's hits and misses over `work`. */
async function lookups(work: () => Promise<unknown>): Promise<{ hits: number; misses: number }> {
  const before = s.server.app.cache.stats();
  await work();
  const after = s.server.app.cache.stats();
  return { hits: after.hits - before.hits, misses: after.misses - before.misses };
}

describe('compliance summary cache', () => {
  let org: TestOrganization;
  let overdue: { id: string };

  beforeAll(async () => {
    org = await createOrganization(s.server);
    const compliant = await createStudent(s.server, org, { dateOfBirth: BORN, grade: '4' });
    await record(org, compliant.id, COMPLETE);
    overdue = await createStudent(s.server, org, { dateOfBirth: BORN, grade: '4' });
  });

  it('answers the second read from the cache, per filter and date, and audits both', async () => {
    const first = await lookups(() => summary(org));
    expect(first).toEqual({ hits: 0, misses: 1 });
    const second = await lookups(() => summary(org));
    expect(second).toEqual({ hits: 1, misses: 0 });
    // Another filter or date is another entry.
    expect(await lookups(() => summary(org, `asOf=${AS_OF}&grade=4`))).toEqual({ hits: 0, misses: 1 });
    expect(await lookups(() => summary(org, 'asOf=2024-09-02'))).toEqual({ hits: 0, misses: 1 });
    const [row] = (await s.server.app.sequelize.query(
      `SELECT count(*)::int AS n FROM audit_log
        WHERE organization_id = :org AND action = 'immunization.compliance.read'`,
      { replacements: { org: org.id }, plain: false, raw: true },
    )) as unknown as [Array<{ n: number }>];
    expect(row[0]!.n).toBe(4);
  });

  it('shows a recorded immunization on the next read, for every filter', async () => {
    const before = await summary(org);
    const beforeGrade = await summary(org, `asOf=${AS_OF}&grade=4`);
    expect(before.counts.OVERDUE).toBe(1);
    expect(beforeGrade.counts.OVERDUE).toBe(1);

    await record(org, overdue.id, COMPLETE);

    const after = await summary(org);
    expect(after.counts).toMatchObject({ COMPLIANT: before.counts.COMPLIANT + 1, OVERDUE: 0 });
    expect((await summary(org, `asOf=${AS_OF}&grade=4`)).counts.OVERDUE).toBe(0);
  });

  it('shows a recorded exemption on the next read', async () => {
    const student = await createStudent(s.server, org, { dateOfBirth: BORN, grade: '4' });
    await record(org, student.id, WITHOUT_VARICELLA);
    const before = await summary(org);
    expect(before.counts.EXEMPT).toBe(0);

    await recordExemption(s.server, org, student.id, { series: 'Varicella', type: 'MEDICAL' });

    expect((await summary(org)).counts.EXEMPT).toBe(1);
  });

  it('shows doses imported from the state registry on the next read', async () => {
    const student = await createStudent(s.server, org, { dateOfBirth: BORN, grade: '4' });
    const before = await summary(org);
    const records = COMPLETE.map(([cvxCode, administeredOn]) => ({ cvxCode, administeredOn }));
    await s.server.plugins.immunizations.registry.history.importRecords(
      actorFor(org, 'NURSE'),
      student.id,
      records,
    );
    const after = await summary(org);
    expect(after.counts.COMPLIANT).toBe(before.counts.COMPLIANT + 1);
  });

  it('follows the roster: a new student, a grade change and a deactivation', async () => {
    const before = await summary(org);
    const student = await createStudent(s.server, org, { dateOfBirth: BORN, grade: '4' });
    const created = await summary(org);
    expect(created.total).toBe(before.total + 1);
    expect(created.counts.OVERDUE).toBe(before.counts.OVERDUE + 1);

    await updateStudent(s.server, org, student.id, { grade: '5' });
    const regraded = await summary(org);
    expect(regraded.groups.find((g) => g.grade === '5')?.total).toBe(1);

    await updateStudent(s.server, org, student.id, { isActive: false });
    const deactivated = await summary(org);
    expect(deactivated.total).toBe(before.total);
    expect(deactivated.groups.find((g) => g.grade === '5')).toBeUndefined();
  });

  it('shows a new rule set on the next read', async () => {
    const before = await summary(org);
    expect(before.counts.COMPLIANT).toBeGreaterThan(0);
    const res = await s.server.inject({
      method: 'POST',
      url: '/api/v1/immunizations/rule-sets',
      headers: bearer(org.admin),
      payload: {
        name: 'Three MMR doses',
        graceDays: 4,
        overdueAfterDays: 30,
        schoolYearStart: '08-15',
        series: [{ series: 'MMR', grades: ['4', '5'], requiredDoses: 3 }],
      },
    });
    expect(res.statusCode, res.payload).toBe(201);
    expect((await summary(org)).counts.COMPLIANT).toBe(0);
  });

  it("leaves another organization's cached summary alone", async () => {
    const other = s.orgB;
    await createStudent(s.server, other, { dateOfBirth: BORN, grade: '4' });
    const cached = await summary(other);
    const student = await createStudent(s.server, org, { dateOfBirth: BORN, grade: '4' });
    await record(org, student.id, COMPLETE.slice(0, 3));

    const read = await lookups(async () => expect(await summary(other)).toEqual(cached));
    expect(read).toEqual({ hits: 1, misses: 0 });
  });
});
