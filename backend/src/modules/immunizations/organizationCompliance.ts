/**
 * Every active student of an organization (optionally one school or grade) with their
 * compliance on a date: one query for the students, one for all their immunizations and
 * exemptions, then the engine in memory (no query per student). Shared by the compliance
 * report and the nightly alert job. No audit here: the callers audit what they do with it.
 */
import { QueryTypes, type Sequelize } from 'sequelize';
import type { Grade } from '../students/index.js';
import { evaluateCompliance, type ComplianceResult } from './engine/evaluateCompliance.js';
import type { RuleSet } from './engine/ruleSet.js';

export interface CohortQuery {
  organizationId: string;
  schoolId?: string;
  grade?: Grade;
  /** YYYY-MM-DD */
  asOf: string;
}

export interface EvaluatedStudent {
  id: string;
  firstName: string;
  lastName: string;
  grade: Grade;
  schoolId: string | null;
  schoolName: string | null;
  compliance: ComplianceResult;
}

type StudentRow = Omit<EvaluatedStudent, 'compliance'> & { dateOfBirth: string };

interface HistoryRow {
  kind: 'IMMUNIZATION' | 'EXEMPTION';
  studentId: string;
  /** CVX code of an immunization, series of an exemption. */
  code: string;
  /** administered_on of an immunization, expires_on of an exemption (may be null). */
  date: string | null;
}

/** The students covered, as SQL on alias `s` (shared by both queries). */
function studentFilter(query: CohortQuery): string {
  const conditions = ['s.organization_id = :organizationId', 's.is_active'];
  if (query.schoolId) conditions.push('s.school_id = :schoolId');
  if (query.grade) conditions.push('s.grade = :grade');
  return conditions.join(' AND ');
}

export async function evaluateCohort(
  sequelize: Sequelize,
  ruleSet: RuleSet,
  query: CohortQuery,
): Promise<EvaluatedStudent[]> {
  const replacements = {
    organizationId: query.organizationId,
    schoolId: query.schoolId ?? null,
    grade: query.grade ?? null,
  };
  const where = studentFilter(query);
  const [students, history] = await Promise.all([
    sequelize.query<StudentRow>(
      `SELECT s.id, s.first_name AS "firstName", s.last_name AS "lastName",
              to_char(s.date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth", s.grade,
              s.school_id AS "schoolId", sc.name AS "schoolName"
         FROM students s
         LEFT JOIN schools sc ON sc.id = s.school_id AND sc.organization_id = s.organization_id
        WHERE ${where}`,
      { replacements, type: QueryTypes.SELECT },
    ),
    sequelize.query<HistoryRow>(
      `SELECT 'IMMUNIZATION' AS kind, i.student_id AS "studentId", i.cvx_code AS code,
              to_char(i.administered_on, 'YYYY-MM-DD') AS date
         FROM student_immunizations i
         JOIN students s ON s.id = i.student_id AND s.organization_id = i.organization_id
        WHERE i.organization_id = :organizationId AND ${where}
       UNION ALL
       SELECT 'EXEMPTION', e.student_id, e.series, to_char(e.expires_on, 'YYYY-MM-DD')
         FROM student_immunization_exemptions e
         JOIN students s ON s.id = e.student_id AND s.organization_id = e.organization_id
        WHERE e.organization_id = :organizationId AND ${where}`,
      { replacements, type: QueryTypes.SELECT },
    ),
  ]);

  const byStudent = new Map<string, HistoryRow[]>();
  for (const row of history) {
    const rows = byStudent.get(row.studentId) ?? [];
    rows.push(row);
    byStudent.set(row.studentId, rows);
  }

  return students.map(({ dateOfBirth, ...student }) => {
    const rows = byStudent.get(student.id) ?? [];
    const compliance = evaluateCompliance(
      {
        dateOfBirth,
        grade: student.grade,
        immunizations: rows
          .filter((r) => r.kind === 'IMMUNIZATION')
          .map((r) => ({ cvxCode: r.code, administeredOn: r.date! })),
        exemptions: rows
          .filter((r) => r.kind === 'EXEMPTION')
          .map((r) => ({ series: r.code, expiresOn: r.date })),
        asOf: query.asOf,
      },
      ruleSet,
    );
    return { ...student, compliance };
  });
}
