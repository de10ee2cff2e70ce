/**
 * The PDFs answered in the request: each holds what the student's record (or the log, the
 * compliance figures, the incident) says, read back with pdftotext; each is an attachment no
 * browser keeps, and each download is audited. Another organization's record is a 404, a
 * VIEWER gets no clinical detail, and bad filters are a 400, never a PDF. The direct limit is
 * set low (5 rows) so a "whole school" log is cheap to exceed.
 */
import type { ServerInjectResponse } from '@hapi/hapi';
import { describe, expect, it } from 'vitest';
import {
  bearer,
  createOrganization,
  createStudent,
  type TestOrganization,
  type TestUser,
} from '../helpers/fixtures.js';
import { allergyPayload, conditionPayload, contactPayload } from '../helpers/healthRecords.js';
import { administer, createPrescription, givenPayload, localDate } from '../helpers/medicationFixtures.js';
import { twoOrganizationSuite } from '../helpers/suite.js';
import { reportResultsMigration } from '../../src/migrations/202611280015-report-results.js';
import { pdfText, squash } from '../services/pdf/poppler.js';

const DIRECT_LIMIT = 5;
const s = twoOrganizationSuite({ REPORT_SYNC_MAX_ROWS: String(DIRECT_LIMIT) });

const get = (user: TestUser, url: string) => s.server.inject({ url, headers: bearer(user) });
const post = (user: TestUser, url: string, payload: object) =>
  s.server.inject({ method: 'POST', url, headers: bearer(user), payload });

async function created<T>(res: Promise<ServerInjectResponse>): Promise<T> {
  const answer = await res;
  expect(answer.statusCode, answer.payload).toBe(201);
  return answer.result as T;
}

/** A PDF attachment that must not be cached; its text, whitespace squashed. */
async function pdfOf(res: ServerInjectResponse, filename: RegExp): Promise<string> {
  expect(res.statusCode, res.statusCode === 200 ? '' : res.payload).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[a-z0-9-]+\.pdf"$/);
  expect(res.headers['content-disposition']).toMatch(filename);
  expect(res.headers['cache-control']).toBe('no-store');
  expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return squash(await pdfText(res.rawPayload, { raw: true }));
}

function messageOf(res: ServerInjectResponse): string {
  return (res.result as { message: string }).message;
}

async function nameOf(org: TestOrganization, user: TestUser): Promise<string> {
  return (await s.server.plugins.users.service.get(org.id, user.id)).name;
}

/** report.download rows by this user for this report type (and, if given, this student). */
async function downloadsAudited(user: TestUser, reportType: string, studentId?: string): Promise<number> {
  const row = (await s.server.app.sequelize.query(
    `SELECT count(*)::int AS n FROM audit_log
      WHERE action = 'report.download' AND user_id = :userId AND details->>'reportType' = :reportType
        AND (CAST(:studentId AS text) IS NULL OR details->>'studentId' = :studentId)`,
    { replacements: { userId: user.id, reportType, studentId: studentId ?? null }, plain: true },
  )) as { n: number };
  return row.n;
}

describe('GET /api/v1/students/{id}/health-summary.pdf', () => {
  async function studentWithRecord(org: TestOrganization) {
    const student = await createStudent(s.server, org);
    const base = `/api/v1/students/${student.id}`;
    await created(post(org.nurse, `${base}/allergies`, allergyPayload()));
    await created(post(org.nurse, `${base}/conditions`, conditionPayload()));
    await created(post(org.nurse, `${base}/emergency-contacts`, contactPayload()));
    await createPrescription(s.server, org, student.id);
    await created(
      post(org.nurse, `${base}/immunizations`, {
        cvxCode: '08',
        administeredOn: '2015-05-10',
        source: 'HISTORICAL',
      }),
    );
    return student;
  }

  it("prints the student's allergies, conditions, contacts, medications and immunizations, and audits it", async () => {
    const student = await studentWithRecord(s.orgA);
    const res = await get(s.orgA.nurse, `/api/v1/students/${student.id}/health-summary.pdf`);
    const lastName = student.lastName.toLowerCase();
    const text = await pdfOf(
      res,
      new RegExp(`filename="health-summary-${lastName}-jordan-\\d{4}-\\d{2}-\\d{2}\\.pdf"`),
    );
    expect(text).toContain(`Jordan ${student.lastName}`);
    expect(text).toContain('LIFE-THREATENING ALLERGIES');
    expect(text).toContain('Peanut');
    expect(text).toContain('Asthma');
    expect(text).toContain('Alex Parent');
    expect(text).toContain('Ibuprofen');
    expect(text).toContain('Hep B');
    // Free-text notes stay in the record: the summary is what a substitute needs.
    expect(text).not.toContain('Diagnosed age 3');
    expect(await downloadsAudited(s.orgA.nurse, 'student-health-summary', student.id)).toBe(1);
  });

  it("answers 404 for another organization's student and an unknown one, 403 for a VIEWER", async () => {
    const theirs = await createStudent(s.server, s.orgB);
    const ours = await createStudent(s.server, s.orgA);
    const other = await get(s.orgA.admin, `/api/v1/students/${theirs.id}/health-summary.pdf`);
    expect(other.statusCode).toBe(404);
    expect(messageOf(other)).toBe('Student not found');
    const unknown = await get(s.orgA.admin, `/api/v1/students/${crypto.randomUUID()}/health-summary.pdf`);
    expect(unknown.statusCode).toBe(404);
    expect((await get(s.orgA.viewer, `/api/v1/students/${ours.id}/health-summary.pdf`)).statusCode).toBe(403);
    expect((await get(s.orgA.admin, '/api/v1/students/not-a-uuid/health-summary.pdf')).statusCode).toBe(400);
    expect(await downloadsAudited(s.orgA.admin, 'student-health-summary')).toBe(0);
  });
});

describe('GET /api/v1/reports/medication-log.pdf', () => {
  const range = () => `from=${localDate(-1)}&to=${localDate(0)}`;

  it('prints every dose with who gave and who witnessed it, for one student', async () => {
    const student = await createStudent(s.server, s.orgA);
    const rx = await createPrescription(s.server, s.orgA, student.id);
    const given = givenPayload({ witnessUserId: s.orgA.admin.id });
    expect((await administer(s.server, s.orgA.nurse, student.id, rx.id, given)).statusCode).toBe(201);
    const refused = { status: 'REFUSED', administeredAt: new Date().toISOString(), reason: 'Said no today' };
    expect((await administer(s.server, s.orgA.nurse, student.id, rx.id, refused)).statusCode).toBe(201);

    const res = await get(
      s.orgA.nurse,
      `/api/v1/reports/medication-log.pdf?${range()}&studentId=${student.id}`,
    );
    const text = await pdfOf(res, /filename="medication-log-[a-z0-9]+-jordan-\d{4}-\d{2}-\d{2}-to-/);
    expect(text).toContain(`Jordan ${student.lastName}`);
    expect(text).toContain('Ibuprofen 200 mg');
    expect(text).toContain('2 dose records: 1 given, 1 refused');
    expect(text).toContain('Said no today');
    expect(text).toContain(await nameOf(s.orgA, s.orgA.nurse));
    expect(text).toContain(await nameOf(s.orgA, s.orgA.admin));
    expect(await downloadsAudited(s.orgA.nurse, 'medication-log', student.id)).toBe(1);
  });

  it('refuses bad filters with a 400 naming the problem, never a PDF', async () => {
    const cases: Array<[string, RegExp]> = [
      ['from=2026-03-10&to=2026-03-01', /"to" must not be before "from"/],
      ['from=2024-01-01&to=2025-06-30', /at most 366 days/],
      ['from=2026-02-30&to=2026-03-01', /"from" must be a valid date/],
      ['from=1999-12-31&to=2000-01-01', /"from" must be between 2000-01-01 and 2099-12-31/],
      ['to=2026-03-01', /"from" is required/],
      [`${range()}&studentId=42`, /"studentId" must be a valid UUID/],
      [`${range()}&school=all`, /"school" is not allowed/],
    ];
    for (const [query, message] of cases) {
      const res = await get(s.orgA.nurse, `/api/v1/reports/medication-log.pdf?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(messageOf(res), query).toMatch(message);
    }
  });

  it("answers 404 for a student filter naming an unknown or another organization's student, 403 for a VIEWER", async () => {
    const theirs = await createStudent(s.server, s.orgB);
    for (const studentId of [theirs.id, crypto.randomUUID()]) {
      const res = await get(
        s.orgA.nurse,
        `/api/v1/reports/medication-log.pdf?${range()}&studentId=${studentId}`,
      );
      expect(res.statusCode).toBe(404);
      expect(messageOf(res)).toBe('Student not found');
    }
    expect((await get(s.orgA.viewer, `/api/v1/reports/medication-log.pdf?${range()}`)).statusCode).toBe(403);
  });

  it('refuses a whole-school log over the direct limit with 422 and the hint to queue it', async () => {
    const org = await createOrganization(s.server);
    const student = await createStudent(s.server, org);
    const rx = await createPrescription(s.server, org, student.id);
    for (let i = 0; i <= DIRECT_LIMIT; i += 1) {
      const refused = { status: 'MISSED', administeredAt: new Date().toISOString(), reason: 'Absent' };
      expect((await administer(s.server, org.nurse, student.id, rx.id, refused)).statusCode).toBe(201);
    }
    const res = await get(org.nurse, `/api/v1/reports/medication-log.pdf?${range()}`);
    expect(res.statusCode).toBe(422);
    expect(messageOf(res)).toContain(`more than ${DIRECT_LIMIT} rows`);
    expect(messageOf(res)).toContain('POST /api/v1/reports');
    expect(await downloadsAudited(org.nurse, 'medication-log')).toBe(0);
  });
});

describe('GET /api/v1/reports/immunization-compliance.pdf', () => {
  it('lists the students not compliant with what each is missing; every role may have it', async () => {
    const org = await createOrganization(s.server);
    const unvaccinated = await createStudent(s.server, org);
    const res = await get(org.viewer, `/api/v1/reports/immunization-compliance.pdf?schoolId=${org.schoolId}`);
    const text = await pdfOf(
      res,
      /filename="immunization-compliance-school-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.pdf"/,
    );
    expect(text).toContain('Immunization compliance report');
    expect(text).toContain('Students not compliant (1)');
    expect(text).toContain(`Jordan ${unvaccinated.lastName}`);
    expect(text).toMatch(/DTaP: 0 of \d doses, \d missing/);
    expect(await downloadsAudited(org.viewer, 'immunization-compliance')).toBe(1);
  });

  it("answers 404 for another organization's school and 400 for a bad grade or date", async () => {
    const url = '/api/v1/reports/immunization-compliance.pdf';
    const theirs = await get(s.orgA.nurse, `${url}?schoolId=${s.orgB.schoolId}`);
    expect(theirs.statusCode).toBe(404);
    expect(messageOf(theirs)).toBe('School not found');
    expect((await get(s.orgA.nurse, `${url}?grade=13`)).statusCode).toBe(400);
    expect((await get(s.orgA.nurse, `${url}?asOf=yesterday`)).statusCode).toBe(400);
  });
});

describe('GET /api/v1/incidents/{id}/report.pdf', () => {
  it('prints the incident and who reported it; clinical staff only, own organization only', async () => {
    const student = await createStudent(s.server, s.orgA);
    const incident = await created<{ id: string }>(
      post(s.orgA.nurse, '/api/v1/incidents', {
        studentId: student.id,
        type: 'INJURY',
        severity: 'MEDIUM',
        location: 'Playground',
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        description: 'Fell from the climbing frame, scraped left knee.',
        actionsTaken: 'Cleaned and bandaged.',
        witnesses: ['Ms. Rivera'],
      }),
    );
    const url = `/api/v1/incidents/${incident.id}/report.pdf`;
    const text = await pdfOf(await get(s.orgA.admin, url), /filename="incident-report-[a-z0-9]+-jordan-/);
    expect(text).toContain(`Jordan ${student.lastName}`);
    expect(text).toContain('Playground');
    expect(text).toContain('Fell from the climbing frame, scraped left knee.');
    expect(text).toContain('Ms. Rivera');
    expect(text).toContain(await nameOf(s.orgA, s.orgA.nurse));
    expect(await downloadsAudited(s.orgA.admin, 'incident', student.id)).toBe(1);

    expect((await get(s.orgA.viewer, url)).statusCode).toBe(403);
    expect((await get(s.orgB.admin, url)).statusCode).toBe(404);
    expect((await get(s.orgA.admin, `/api/v1/incidents/${crypto.randomUUID()}/report.pdf`)).statusCode).toBe(
      404,
    );
  });
});

describe('POST /api/v1/reports/custom.pdf', () => {
  const table = {
    title: 'Screenings due',
    columns: ['Grade', 'Students'],
    rows: [
      ['K', 12],
      ['1', 9],
    ],
  };

  it("draws the caller's title, metadata and tables", async () => {
    const res = await post(s.orgA.viewer, '/api/v1/reports/custom.pdf', {
      title: 'Vision screening plan',
      subtitle: 'Spring term',
      metadata: { Prepared: 'Front office' },
      tables: [table],
    });
    const text = await pdfOf(res, /filename="vision-screening-plan-\d{4}-\d{2}-\d{2}\.pdf"/);
    expect(text).toContain('Vision screening plan');
    expect(text).toContain('Spring term');
    expect(text).toContain('Front office');
    expect(text).toContain('Screenings due');
    expect(text).toMatch(/K 12/);
    expect(await downloadsAudited(s.orgA.viewer, 'custom')).toBe(1);
  });

  it('refuses a row with the wrong number of cells (400) and more rows than a direct download holds (422)', async () => {
    const ragged = await post(s.orgA.nurse, '/api/v1/reports/custom.pdf', {
      title: 'Ragged',
      tables: [{ ...table, rows: [['K', 12, 'extra']] }],
    });
    expect(ragged.statusCode).toBe(400);
    expect(messageOf(ragged)).toMatch(/row 1 must have one cell per column/);
    const rows = Array.from({ length: DIRECT_LIMIT + 1 }, (_, i) => [String(i), i]);
    const large = await post(s.orgA.nurse, '/api/v1/reports/custom.pdf', {
      title: 'Large',
      tables: [{ ...table, rows }],
    });
    expect(large.statusCode).toBe(422);
    expect(messageOf(large)).toContain('POST /api/v1/reports');
    expect((await post(s.orgA.nurse, '/api/v1/reports/custom.pdf', { tables: [table] })).statusCode).toBe(
      400,
    );
  });
});

describe('the report_results migration', () => {
  it('down drops the table and up creates it again', async () => {
    const { sequelize } = s.server.app;
    const exists = async () =>
      (
        (await sequelize.query(`SELECT to_regclass('report_results') AS name`, { plain: true })) as {
          name: string | null;
        }
      ).name !== null;
    await sequelize.transaction((transaction) =>
      sequelize.query(reportResultsMigration.down, { transaction }),
    );
    expect(await exists()).toBe(false);
    await sequelize.transaction((transaction) => sequelize.query(reportResultsMigration.up, { transaction }));
    expect(await exists()).toBe(true);
  });
});
