/**
 * The checks shared by the lists that name their student with one JOIN (appointments,
 * incidents): the queries that read `students`, the shape of the named row, and the school
 * filter across two organizations.
 */
import type { Server } from '@hapi/hapi';
import { expect } from 'vitest';
import { bearer, createStudent, type TestOrganization } from './fixtures.js';
import type { TwoOrganizationSuite } from './suite.js';

/** A row that names its student: `studentName` is "First Last", `student` has the parts. */
export interface NamedRow {
  id: string;
  studentId: string;
  studentName: string;
  student: { id: string; firstName: string; lastName: string; schoolId: string | null };
}

/** The SQL of every query that reads the students table while `run` runs. */
export async function studentQueriesDuring(server: Server, run: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const hook = 'count-student-reads';
  server.app.sequelize.addHook('afterQuery', hook, (_options, query) => {
    // The query ran: its SQL is on it (the typings leave the field out).
    const { sql } = query as unknown as { sql?: string };
    if (sql && /\bstudents\b/.test(sql)) seen.push(sql);
  });
  try {
    await run();
  } finally {
    server.app.sequelize.removeHook('afterQuery', hook);
  }
  return seen;
}

/** Students for the school-filter check: two schools in orgA, and one student in orgB. */
export interface SchoolFilterStudents {
  annexId: string;
  /** orgA, at the annex. */
  here: { id: string };
  /** orgA, at its main school. */
  main: { id: string };
  /** orgB, at its own school. */
  theirs: { id: string };
}

export async function schoolFilterStudents(s: TwoOrganizationSuite): Promise<SchoolFilterStudents> {
  const annex = await s.server.plugins.organizations.service.createSchool(s.orgA.id, { name: 'Annex' });
  return {
    annexId: annex.id,
    here: await createStudent(s.server, s.orgA, { schoolId: annex.id }),
    main: await createStudent(s.server, s.orgA),
    theirs: await createStudent(s.server, s.orgB),
  };
}

/**
 * With one record each for `here`, `main` and `theirs` in place: `?schoolId=` keeps the
 * school's rows, another organization's school matches nothing, and a non-UUID is a 400.
 */
export async function expectSchoolFilter(
  s: TwoOrganizationSuite,
  path: string,
  { annexId, here, main }: SchoolFilterStudents,
): Promise<void> {
  const list = async (org: TestOrganization, query: string) => {
    const res = await s.server.inject({ url: `${path}?${query}`, headers: bearer(org.nurse) });
    expect(res.statusCode).toBe(200);
    return res.result as { data: NamedRow[]; total: number };
  };
  const annexOnly = await list(s.orgA, `schoolId=${annexId}`);
  expect(annexOnly.total).toBe(1);
  expect(annexOnly.data.map((r) => r.studentId)).toEqual([here.id]);
  expect(annexOnly.data[0]!.student.schoolId).toBe(annexId);
  expect((await list(s.orgA, `schoolId=${s.orgA.schoolId}&studentId=${here.id}`)).total).toBe(0);
  expect((await list(s.orgA, `schoolId=${s.orgA.schoolId}&studentId=${main.id}`)).total).toBe(1);

  // orgB's school has a record, and orgA sees none of it.
  expect((await list(s.orgB, `schoolId=${s.orgB.schoolId}`)).total).toBeGreaterThan(0);
  expect(await list(s.orgA, `schoolId=${s.orgB.schoolId}`)).toMatchObject({ data: [], total: 0 });

  const bad = await s.server.inject({ url: `${path}?schoolId=main`, headers: bearer(s.orgA.nurse) });
  expect(bad.statusCode).toBe(400);
  expect((bad.result as { message: string }).message).toContain('schoolId');
}
