import type { Transaction } from 'sequelize';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  actorFor,
  bearer,
  createOrganization,
  createStudent,
  type TestOrganization,
  type TestUser,
} from '../helpers/fixtures.js';
import { immunizationsMigration } from '../../src/migrations/202611280006-immunizations.js';
import { registrySubmissionsMigration } from '../../src/migrations/202611280017-registry-submissions.js';
import { seedImmunizationsDemo } from '../../src/seed/immunizationsDemo.js';
import { BORN_K6, COMPLETE_K6_HISTORY } from '../helpers/immunizationFixtures.js';
import { twoOrganizationSuite } from '../helpers/suite.js';

const s = twoOrganizationSuite();

// Born BORN; this history completes every K-6 series (see the engine tests).
const BORN = BORN_K6;
const COMPLETE = COMPLETE_K6_HISTORY;
const AS_OF = '2024-09-01';

async function post(user: TestUser, url: string, payload: object) {
  return s.server.inject({ method: 'POST', url, headers: bearer(user), payload });
}

async function get(user: TestUser, url: string) {
  return s.server.inject({ url, headers: bearer(user) });
}

async function record(org: TestOrganization, studentId: string, doses: Array<[string, string]>) {
  for (const [cvxCode, administeredOn] of doses) {
    const res = await post(org.nurse, `/api/v1/students/${studentId}/immunizations`, {
      cvxCode,
      administeredOn,
      source: 'HISTORICAL',
    });
    expect(res.statusCode, res.payload).toBe(201);
  }
}

async function count(sql: string, replacements: Record<string, unknown>): Promise<number> {
  const row = (await s.server.app.sequelize.query(`SELECT count(*)::int AS n FROM ${sql}`, {
    replacements,
    plain: true,
  })) as { n: number };
  return row.n;
}

const immunizationRows = (studentId: string) =>
  count('student_immunizations WHERE student_id = :studentId', { studentId });
const exemptionRows = (studentId: string) =>
  count('student_immunization_exemptions WHERE student_id = :studentId', { studentId });
const auditRows = (studentId: string, action: string) =>
  count(`audit_log WHERE entity_type = 'student' AND entity_id = :studentId AND action = :action`, {
    studentId,
    action,
  });

describe('immunization records', () => {
  it('records a dose, normalizes the CVX code, writes the row and an audit entry', async () => {
    const student = await createStudent(s.server, s.orgA, { dateOfBirth: BORN });
    const res = await post(s.orgA.nurse, `/api/v1/students/${student.id}/immunizations`, {
      cvxCode: '3',
      administeredOn: '2016-03-10',
      doseNumber: 1,
      lotNumber: 'MMR-2231',
      mvxCode: 'msd',
      source: 'ADMINISTERED',
      notes: 'Left arm',
    });
    expect(res.statusCode).toBe(201);
    expect(res.result).toMatchObject({
      studentId: student.id,
      cvxCode: '03',
      vaccineName: 'MMR',
      series: ['MMR'],
      administeredOn: '2016-03-10',
      doseNumber: 1,
      lotNumber: 'MMR-2231',
      mvxCode: 'MSD',
      source: 'ADMINISTERED',
      notes: 'Left arm',
      recordedBy: s.orgA.nurse.id,
    });
    const [row] = (await s.server.app.sequelize.query(
      'SELECT organization_id, cvx_code FROM student_immunizations WHERE student_id = :id',
      { replacements: { id: student.id }, plain: false, raw: true },
    )) as unknown as [Array<{ organization_id: string; cvx_code: string }>];
    expect(row).toEqual([{ organization_id: s.orgA.id, cvx_code: '03' }]);
    expect(await auditRows(student.id, 'immunization.create')).toBe(1);

    const list = await get(s.orgA.nurse, `/api/v1/students/${student.id}/immunizations`);
    expect(list.statusCode).toBe(200);
    expect((list.result as Array<{ cvxCode: string }>).map((r) => r.cvxCode)).toEqual(['03']);
    expect(await auditRows(student.id, 'immunization.list')).toBe(1);
  });

  it('refuses an unknown CVX code with 400 naming the field, and writes nothing', async () => {
    const student = await createStudent(s.server, s.orgA, { dateOfBirth: BORN });
    for (const cvxCode of ['999', '04', 'MMR', '']) {
      const res = await post(s.orgA.nurse, `/api/v1/students/${student.id}/immunizations`, {
        cvxCode,
        administeredOn: '2016-03-10',
        source: 'HISTORICAL',
      });
      expect(res.statusCode, cvxCode).toBe(400);
      expect((res.result as { message: string }).message).toContain('cvxCode');
    }
    expect(await immunizationRows(student.id)).toBe(0);
  });

  it('refuses bad fields with 400: future date, impossible date, bad source, unknown field, long notes', async () => {
    const student = await createStudent(s.server, s.orgA, { dateOfBirth: BORN });
    const url = `/api/v1/students/${student.id}/immunizations`;
    const valid = { cvxCode: '03', administeredOn: '2016-03-10', source: 'HISTORICAL' };
    const cases: Array<[object, string]> = [
      [{ ...valid, administeredOn: '2999-01-01' }, 'administeredOn'],
      [{ ...valid, administeredOn: '2016-02-30' }, 'administeredOn'],
      [{ ...valid, administeredOn: '10/03/2016' }, 'administeredOn'],
      [{ ...valid, source: 'GUESSED' }, 'source'],
      [{ ...valid, doseNumber: 0 }, 'doseNumber'],
      [{ ...valid, mvxCode: 'not an mvx' }, 'mvxCode'],
      [{ ...valid, notes: 'x'.repeat(2001) }, 'notes'],
      [{ ...valid, dosage: '0.5 mL' }, 'dosage'],
      [{ administeredOn: '2016-03-10', source: 'HISTORICAL' }, 'cvxCode'],
    ];
    for (const [payload, field] of cases) {
      const res = await post(s.orgA.nurse, url, payload);
      expect(res.statusCode, field).toBe(400);
      expect((res.result as { message: string }).message, field).toContain(field);
    }
    expect(await immunizationRows(student.id)).toBe(0);
  });

  it('refuses a dose dated before the date of birth with 422 and writes nothing', async () => {
    const student = await createStudent(s.server, s.orgA, { dateOfBirth: BORN });
    const res = await post(s.orgA.nurse, `/api/v1/students/${student.id}/immunizations`, {
      cvxCode: '08',
      administeredOn: '2015-03-09',
      source: 'HISTORICAL',
    });
    expect(res.statusCode).toBe(422);
    expect((res.result as { message: string }).message).toMatch(/before the date of birth/);
    expect((res.result as { message: string }).message).not.toContain('2015');
    expect(await immunizationRows(student.id)).toBe(0);
    expect(await auditRows(student.id, 'immunization.create')).toBe(0);
  });

  it('refuses the same vaccine twice on one day with 409', async () => {
    const student = await createStudent(s.server, s.orgA, { dateOfBirth: BORN });
    await record(s.orgA, student.id, [['08', '2015-03-10']]);
    const res = await post(s.orgA.nurse, `/api/v1/students/${student.id}/immunizations`, {
      cvxCode: '08',
      administeredOn: '2015-03-10',
      source: 'ADMINISTERED',
    });
    expect(res.statusCode).toBe(409);
    expect(await immunizationRows(student.id)).toBe(1);
  });

  it('lists the vaccine codes the platform knows', async () => {
    const res = await get(s.orgA.viewer, '/api/v1/immunizations/vaccine-codes');
    expect(res.statusCode).toBe(200);
    const codes = res.result as Array<{ cvx: string; series: string[] }>;
    expect(codes.find((c) => c.cvx === '94')?.series).toEqual(['MMR', 'Varicella']);
    expect(codes.find((c) => c.cvx === '110')?.series).toEqual(['DTaP', 'HepB', 'Polio']);
  });
});

describe('immunization status and exemptions', () => {
  it('answers the status of a complete history, as of a date and by default today', async () => {
    const student = await createStudent(s.server, s.orgA, { dateOfBirth: BORN, grade: '4' });
    await record(s.orgA, student.id, COMPLETE);
    const res = await get(s.orgA.viewer, `/api/v1/students/${student.id}/immunization-status?asOf=${AS_OF}`);
    expect(res.statusCode).toBe(200);
    expect(res.result).toEqual({
      status: 'COMPLIANT',
      asOf: AS_OF,
      ruleSet: { name: 'White Cross default (school entry, ACIP-based)', source: 'DEFAULT' },
      series: [
        { series: 'DTaP', status: 'COMPLIANT', validDoses: 5, requiredDoses: 5, missing: 0, dueOn: null },
        { series: 'Polio', status: 'COMPLIANT', validDoses: 4, requiredDoses: 4, missing: 0, dueOn: null },
        { series: 'MMR', status: 'COMPLIANT', validDoses: 2, requiredDoses: 2, missing: 0, dueOn: null },
        { series: 'HepB', status: 'COMPLIANT', validDoses: 3, requiredDoses: 3, missing: 0, dueOn: null },
        {
          series: 'Varicella',
          status: 'COMPLIANT',
          validDoses: 2,
          requiredDoses: 2,
          missing: 0,
          dueOn: null,
        },
      ],
    });
    const today = await get(s.orgA.nurse, `/api/v1/students/${student.id}/immunization-status`);
    expect(today.statusCode).toBe(200);
    expect((today.result as { status: string }).status).toBe('COMPLIANT');
    expect(await auditRows(student.id, 'immunization.status.read')).toBe(2);
  });

  it('refuses a bad asOf with 400', async () => {
    const student = await createStudent(s.server, s.orgA);
    for (const asOf of ['tomorrow', '2024-13-01', '2024-9-1']) {
      const res = await get(s.orgA.nurse, `/api/v1/students/${student.id}/immunization-status?asOf=${asOf}`);
      expect(res.statusCode, asOf).toBe(400);
      expect((res.result as { message: string }).message).toContain('asOf');
    }
  });

  it('records an exemption that makes the missing series EXEMPT', async () => {
    const student = await createStudent(s.server, s.orgA, { dateOfBirth: BORN, grade: '4' });
    await record(
      s.orgA,
      student.id,
      COMPLETE.filter(([cvx]) => cvx !== '03'),
    );
    const before = await get(
      s.orgA.nurse,
      `/api/v1/students/${student.id}/immunization-status?asOf=${AS_OF}`,
    );
    expect((before.result as { status: string }).status).toBe('OVERDUE');

    const res = await post(s.orgA.nurse, `/api/v1/students/${student.id}/immunization-exemptions`, {
      series: 'MMR',
      type: 'MEDICAL',
      notes: 'Immunocompromised; letter on file',
    });
    expect(res.statusCode).toBe(201);
    expect(res.result).toMatchObject({ series: 'MMR', type: 'MEDICAL', expiresOn: null });
    expect(await auditRows(student.id, 'immunization-exemption.create')).toBe(1);

    const after = await get(s.orgA.nurse, `/api/v1/students/${student.id}/immunization-status?asOf=${AS_OF}`);
    const body = after.result as { status: string; series: Array<{ series: string; status: string }> };
    expect(body.status).toBe('EXEMPT');
    expect(body.series.find((s) => s.series === 'MMR')).toMatchObject({ status: 'EXEMPT', missing: 2 });
  });

  it('refuses an exemption that has already expired (422) and bad exemption fields (400)', async () => {
    const student = await createStudent(s.server, s.orgA);
    const url = `/api/v1/students/${student.id}/immunization-exemptions`;
    const expired = await post(s.orgA.nurse, url, {
      series: 'MMR',
      type: 'PERSONAL',
      expiresOn: '2020-01-01',
    });
    expect(expired.statusCode).toBe(422);
    for (const [payload, field] of [
      [{ series: 'Flu', type: 'MEDICAL' }, 'series'],
      [{ series: 'MMR', type: 'PHILOSOPHICAL' }, 'type'],
      [{ series: 'MMR', type: 'MEDICAL', expiresOn: 'never' }, 'expiresOn'],
      [{ series: 'MMR', type: 'MEDICAL', doctor: 'Dr X' }, 'doctor'],
    ] as Array<[object, string]>) {
      const res = await post(s.orgA.nurse, url, payload);
      expect(res.statusCode, field).toBe(400);
      expect((res.result as { message: string }).message).toContain(field);
    }
    expect(await exemptionRows(student.id)).toBe(0);
  });
});

describe('immunizations: roles and minimum necessary', () => {
  it('answers 403 to a viewer recording a dose or an exemption, and writes nothing', async () => {
    const student = await createStudent(s.server, s.orgA, { dateOfBirth: BORN });
    const dose = await post(s.orgA.viewer, `/api/v1/students/${student.id}/immunizations`, {
      cvxCode: '08',
      administeredOn: '2015-03-10',
      source: 'HISTORICAL',
    });
    expect(dose.statusCode).toBe(403);
    const exemption = await post(s.orgA.viewer, `/api/v1/students/${student.id}/immunization-exemptions`, {
      series: 'MMR',
      type: 'MEDICAL',
    });
    expect(exemption.statusCode).toBe(403);
    expect(await immunizationRows(student.id)).toBe(0);
    expect(await exemptionRows(student.id)).toBe(0);
  });

  it('gives a viewer records without notes and exemptions without type or notes', async () => {
    const student = await createStudent(s.server, s.orgA, { dateOfBirth: BORN });
    await post(s.orgA.nurse, `/api/v1/students/${student.id}/immunizations`, {
      cvxCode: '08',
      administeredOn: '2015-03-10',
      source: 'ADMINISTERED',
      notes: 'Mother declined second site',
    });
    await post(s.orgA.nurse, `/api/v1/students/${student.id}/immunization-exemptions`, {
      series: 'Varicella',
      type: 'RELIGIOUS',
      notes: 'Family belief',
    });

    const records = (await get(s.orgA.viewer, `/api/v1/students/${student.id}/immunizations`))
      .result as Array<Record<string, unknown>>;
    expect(records).toHaveLength(1);
    expect(records[0]).not.toHaveProperty('notes');
    expect(records[0]).toMatchObject({ cvxCode: '08' });
    const exemptions = (await get(s.orgA.viewer, `/api/v1/students/${student.id}/immunization-exemptions`))
      .result as Array<Record<string, unknown>>;
    expect(exemptions[0]).toMatchObject({ series: 'Varicella' });
    expect(exemptions[0]).not.toHaveProperty('type');
    expect(exemptions[0]).not.toHaveProperty('notes');

    const nurseRecords = (await get(s.orgA.nurse, `/api/v1/students/${student.id}/immunizations`))
      .result as Array<Record<string, unknown>>;
    expect(nurseRecords[0]).toMatchObject({ notes: 'Mother declined second site' });

    // The profile section follows the same cut.
    const nurseProfile = JSON.parse((await get(s.orgA.nurse, `/api/v1/students/${student.id}`)).payload) as {
      immunizations: { records: unknown[]; exemptions: unknown[]; compliance: { status: string } };
    };
    expect(nurseProfile.immunizations.records[0]).toMatchObject({ notes: 'Mother declined second site' });
    expect(nurseProfile.immunizations.exemptions[0]).toMatchObject({ type: 'RELIGIOUS' });
    expect(nurseProfile.immunizations.compliance.status).toBe('OVERDUE');
    const viewerProfile = JSON.parse(
      (await get(s.orgA.viewer, `/api/v1/students/${student.id}`)).payload,
    ) as {
      immunizations: { records: object[]; exemptions: object[]; compliance: { status: string } };
    };
    expect(viewerProfile.immunizations.records[0]).not.toHaveProperty('notes');
    expect(viewerProfile.immunizations.exemptions[0]).not.toHaveProperty('type');
    expect(viewerProfile.immunizations.compliance.status).toBe('OVERDUE');
  });

  it('shows a new dose on the next profile read (the cached profile is dropped)', async () => {
    const student = await createStudent(s.server, s.orgA, { dateOfBirth: BORN });
    const first = JSON.parse((await get(s.orgA.nurse, `/api/v1/students/${student.id}`)).payload) as {
      immunizations: { records: unknown[] };
    };
    expect(first.immunizations.records).toHaveLength(0);
    await record(s.orgA, student.id, [['08', '2015-03-10']]);
    const second = JSON.parse((await get(s.orgA.nurse, `/api/v1/students/${student.id}`)).payload) as {
      immunizations: { records: unknown[] };
    };
    expect(second.immunizations.records).toHaveLength(1);
  });
});

describe('immunizations: tenancy', () => {
  it("answers 404 on every route for another organization's student and writes nothing", async () => {
    const theirs = await createStudent(s.server, s.orgB, { dateOfBirth: BORN });
    await record(s.orgB, theirs.id, [['08', '2015-03-10']]);
    const base = `/api/v1/students/${theirs.id}`;
    for (const url of [
      `${base}/immunizations`,
      `${base}/immunization-exemptions`,
      `${base}/immunization-status`,
    ]) {
      expect((await get(s.orgA.nurse, url)).statusCode, url).toBe(404);
    }
    const dose = await post(s.orgA.nurse, `${base}/immunizations`, {
      cvxCode: '08',
      administeredOn: '2015-05-10',
      source: 'HISTORICAL',
    });
    expect(dose.statusCode).toBe(404);
    const exemption = await post(s.orgA.nurse, `${base}/immunization-exemptions`, {
      series: 'HepB',
      type: 'MEDICAL',
    });
    expect(exemption.statusCode).toBe(404);
    expect(await immunizationRows(theirs.id)).toBe(1);
    expect(await exemptionRows(theirs.id)).toBe(0);
  });
});

describe('compliance per school and grade', () => {
  let org: TestOrganization;
  let secondSchoolId: string;

  beforeAll(async () => {
    org = await createOrganization(s.server);
    const school = await s.server.plugins.organizations.service.createSchool(org.id, { name: 'Zeta Middle' });
    secondSchoolId = school.id;
    // School 1, grade 4: one COMPLIANT, one OVERDUE (nothing recorded), one EXEMPT.
    const compliant = await createStudent(s.server, org, { dateOfBirth: BORN, grade: '4' });
    await record(org, compliant.id, COMPLETE);
    await createStudent(s.server, org, { dateOfBirth: BORN, grade: '4' });
    const exempt = await createStudent(s.server, org, { dateOfBirth: BORN, grade: '4' });
    await record(
      org,
      exempt.id,
      COMPLETE.filter(([cvx]) => cvx !== '21'),
    );
    const res = await post(org.nurse, `/api/v1/students/${exempt.id}/immunization-exemptions`, {
      series: 'Varicella',
      type: 'MEDICAL',
    });
    expect(res.statusCode).toBe(201);
    // School 1, kindergarten: DUE (17 days into the year, one HepB dose recorded).
    const kinder = await createStudent(s.server, org, { dateOfBirth: '2019-05-01', grade: 'K' });
    await record(org, kinder.id, [['08', '2019-05-01']]);
    // School 2, grade 7: complete K-6 history, Tdap and MenACWY missing, in the first month: DUE.
    const seventh = await createStudent(s.server, org, {
      dateOfBirth: BORN,
      grade: '7',
      schoolId: secondSchoolId,
    });
    await record(org, seventh.id, COMPLETE);
    // Another organization's students never count.
    await createStudent(s.server, s.orgB, { grade: '4' });
  });

  it('counts and rates each status, overall and per school and grade', async () => {
    const res = await get(org.admin, `/api/v1/immunizations/compliance?asOf=${AS_OF}`);
    expect(res.statusCode).toBe(200);
    const body = res.result as {
      total: number;
      counts: Record<string, number>;
      rates: Record<string, number>;
      groups: Array<{ schoolId: string; grade: string; total: number; counts: Record<string, number> }>;
    };
    expect(body).toMatchObject({
      asOf: AS_OF,
      total: 5,
      counts: { COMPLIANT: 1, DUE: 2, OVERDUE: 1, EXEMPT: 1 },
      rates: { COMPLIANT: 0.2, DUE: 0.4, OVERDUE: 0.2, EXEMPT: 0.2 },
    });
    expect(body.groups).toEqual([
      expect.objectContaining({
        schoolId: org.schoolId,
        grade: 'K',
        total: 1,
        counts: { COMPLIANT: 0, DUE: 1, OVERDUE: 0, EXEMPT: 0 },
        rates: { COMPLIANT: 0, DUE: 1, OVERDUE: 0, EXEMPT: 0 },
      }),
      expect.objectContaining({
        schoolId: org.schoolId,
        grade: '4',
        total: 3,
        counts: { COMPLIANT: 1, DUE: 0, OVERDUE: 1, EXEMPT: 1 },
        rates: { COMPLIANT: 0.3333, DUE: 0, OVERDUE: 0.3333, EXEMPT: 0.3333 },
      }),
      expect.objectContaining({
        schoolId: secondSchoolId,
        schoolName: 'Zeta Middle',
        grade: '7',
        total: 1,
        counts: { COMPLIANT: 0, DUE: 1, OVERDUE: 0, EXEMPT: 0 },
      }),
    ]);
    const audited = await count(
      `audit_log WHERE organization_id = :org AND action = 'immunization.compliance.read'`,
      { org: org.id },
    );
    expect(audited).toBe(1);
  });

  it('filters by school and by grade', async () => {
    const bySchool = await get(
      org.nurse,
      `/api/v1/immunizations/compliance?asOf=${AS_OF}&schoolId=${secondSchoolId}`,
    );
    expect(bySchool.result).toMatchObject({ total: 1, counts: { DUE: 1 } });
    const byGrade = await get(org.viewer, `/api/v1/immunizations/compliance?asOf=${AS_OF}&grade=4`);
    expect(byGrade.result).toMatchObject({
      total: 3,
      counts: { COMPLIANT: 1, DUE: 0, OVERDUE: 1, EXEMPT: 1 },
    });
    const otherOrgSchool = await get(
      org.nurse,
      `/api/v1/immunizations/compliance?asOf=${AS_OF}&schoolId=${s.orgB.schoolId}`,
    );
    expect(otherOrgSchool.result).toMatchObject({ total: 0, groups: [] });
  });

  it('lists the DUE and OVERDUE students with their incomplete series, for every role', async () => {
    const res = await get(org.viewer, `/api/v1/immunizations/compliance/non-compliant?asOf=${AS_OF}`);
    expect(res.statusCode).toBe(200);
    const body = res.result as {
      asOf: string;
      data: Array<{ grade: string; schoolId: string; status: string; series: Array<{ status: string }> }>;
    };
    expect(body.asOf).toBe(AS_OF);
    // Two DUE and one OVERDUE, as counted above; by school, then grade.
    expect(body.data.map((s) => [s.schoolId, s.grade, s.status])).toEqual([
      [org.schoolId, 'K', 'DUE'],
      [org.schoolId, '4', 'OVERDUE'],
      [secondSchoolId, '7', 'DUE'],
    ]);
    for (const student of body.data) {
      expect(student.series.length).toBeGreaterThan(0);
      expect(student.series.every((s) => s.status === 'DUE' || s.status === 'OVERDUE')).toBe(true);
    }
    const bySchool = await get(
      org.nurse,
      `/api/v1/immunizations/compliance/non-compliant?asOf=${AS_OF}&schoolId=${secondSchoolId}`,
    );
    expect((bySchool.result as { data: unknown[] }).data).toHaveLength(1);
  });

  it('refuses junk filters with 400', async () => {
    for (const query of ['grade=13', 'schoolId=nope', 'asOf=soon', 'page=1']) {
      const res = await get(org.nurse, `/api/v1/immunizations/compliance?${query}`);
      expect(res.statusCode, query).toBe(400);
      const students = await get(org.nurse, `/api/v1/immunizations/compliance/non-compliant?${query}`);
      expect(students.statusCode, query).toBe(400);
    }
  });
});

describe('rule sets', () => {
  const stricterMmr = {
    name: 'Test State 2025',
    graceDays: 4,
    overdueAfterDays: 30,
    schoolYearStart: '08-15',
    series: [
      {
        series: 'MMR',
        grades: ['K', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'],
        requiredDoses: 3,
        doseConditions: [{ dose: 1, minAge: { years: 1 } }],
      },
    ],
  };

  it("a district's rule set changes its students' results, and only theirs", async () => {
    const org = await createOrganization(s.server);
    const student = await createStudent(s.server, org, { dateOfBirth: BORN, grade: '4' });
    await record(org, student.id, COMPLETE);
    const statusUrl = `/api/v1/students/${student.id}/immunization-status?asOf=${AS_OF}`;
    expect(((await get(org.nurse, statusUrl)).result as { status: string }).status).toBe('COMPLIANT');
    // Read the profile so a cached copy exists before the rules change.
    await get(org.nurse, `/api/v1/students/${student.id}`);

    const saved = await post(org.admin, '/api/v1/immunizations/rule-sets', stricterMmr);
    expect(saved.statusCode).toBe(201);
    expect(saved.result).toMatchObject({ source: 'ORGANIZATION', ruleSet: { name: 'Test State 2025' } });

    const after = await get(org.nurse, statusUrl);
    expect(after.result).toMatchObject({
      status: 'OVERDUE',
      ruleSet: { name: 'Test State 2025', source: 'ORGANIZATION' },
      series: [
        {
          series: 'MMR',
          status: 'OVERDUE',
          validDoses: 2,
          requiredDoses: 3,
          missing: 1,
          dueOn: '2020-08-15',
        },
      ],
    });
    const profile = JSON.parse((await get(org.nurse, `/api/v1/students/${student.id}`)).payload) as {
      immunizations: { compliance: { status: string } };
    };
    expect(profile.immunizations.compliance.status).toBe('OVERDUE');

    const active = await get(org.viewer, '/api/v1/immunizations/rule-sets');
    expect(active.result).toMatchObject({ source: 'ORGANIZATION' });
    const elsewhere = await get(s.orgA.viewer, '/api/v1/immunizations/rule-sets');
    expect(elsewhere.result).toMatchObject({ source: 'DEFAULT' });
    const audited = await count(
      `audit_log WHERE organization_id = :org AND action = 'immunization.rule-set.save'`,
      { org: org.id },
    );
    expect(audited).toBe(1);
  });

  it('lets only an admin save a rule set', async () => {
    for (const user of [s.orgA.nurse, s.orgA.viewer]) {
      const res = await post(user, '/api/v1/immunizations/rule-sets', stricterMmr);
      expect(res.statusCode, user.role).toBe(403);
    }
    expect(await count('immunization_rule_sets WHERE organization_id = :org', { org: s.orgA.id })).toBe(0);
  });

  it('refuses an invalid rule set with 400 naming the field', async () => {
    const cases: Array<[object, string]> = [
      [{ ...stricterMmr, series: [{ ...stricterMmr.series[0], series: 'Flu' }] }, 'series'],
      [{ ...stricterMmr, series: [{ ...stricterMmr.series[0], grades: ['13'] }] }, 'grades'],
      [{ ...stricterMmr, series: [{ ...stricterMmr.series[0], requiredDoses: 0 }] }, 'requiredDoses'],
      [{ ...stricterMmr, schoolYearStart: '02-30' }, 'schoolYearStart'],
      [{ ...stricterMmr, graceDays: -1 }, 'graceDays'],
      [{ ...stricterMmr, series: [stricterMmr.series[0], stricterMmr.series[0]] }, 'series'],
      [{ ...stricterMmr, script: 'x' }, 'script'],
    ];
    for (const [payload, field] of cases) {
      const res = await post(s.orgA.admin, '/api/v1/immunizations/rule-sets', payload);
      expect(res.statusCode, field).toBe(400);
      expect((res.result as { message: string }).message, field).toContain(field);
    }
    expect(await count('immunization_rule_sets WHERE organization_id = :org', { org: s.orgA.id })).toBe(0);
  });
});

describe('demo seed', () => {
  it('records histories through the service, with every status represented', async () => {
    const org = await createOrganization(s.server);
    const grades = ['K', '2', '4', '7', '8'];
    const students = [];
    for (let i = 0; i < 20; i += 1) {
      const grade = grades[i % grades.length]!;
      const age = grade === 'K' ? 6 : Number(grade) + 6;
      const dateOfBirth = `${new Date().getUTCFullYear() - age}-0${1 + (i % 9)}-1${i % 10}`;
      const created = await createStudent(s.server, org, { grade, dateOfBirth });
      students.push(await s.server.plugins.students.service.assertExists(org.id, created.id));
    }
    await seedImmunizationsDemo(s.server, actorFor(org), students);
    expect(
      await count('student_immunizations WHERE organization_id = :org', { org: org.id }),
    ).toBeGreaterThan(100);
    const report = await get(org.admin, '/api/v1/immunizations/compliance');
    const counts = (report.result as { counts: Record<'COMPLIANT' | 'DUE' | 'OVERDUE' | 'EXEMPT', number> })
      .counts;
    expect(counts.COMPLIANT).toBeGreaterThan(0);
    expect(counts.EXEMPT).toBeGreaterThan(0);
    expect(counts.OVERDUE + counts.DUE).toBeGreaterThan(0);
  });
});

describe('migration', () => {
  it('down drops what up created, and up applies again (inside a rolled-back transaction)', async () => {
    const { sequelize } = s.server.app;
    const tables = async (transaction: Transaction) =>
      (
        (await sequelize.query(
          `SELECT count(*)::int AS n FROM information_schema.tables
            WHERE table_name IN ('student_immunizations', 'student_immunization_exemptions', 'immunization_rule_sets')`,
          { plain: true, transaction },
        )) as { n: number }
      ).n;
    const transaction = await sequelize.transaction();
    try {
      // The registry's submissions hang off immunizations: they go first, as a rollback would.
      await sequelize.query(registrySubmissionsMigration.down, { transaction });
      await sequelize.query(immunizationsMigration.down, { transaction });
      expect(await tables(transaction)).toBe(0);
      await sequelize.query(immunizationsMigration.up, { transaction });
      expect(await tables(transaction)).toBe(3);
    } finally {
      await transaction.rollback();
    }
  });
});
