/**
 * Compliance across the organization, per school and grade: one query for the students, one
 * for all their immunizations and exemptions, then the engine in memory (no query per student).
 */
import { QueryTypes, type Sequelize } from 'sequelize';
import type { Actor } from '../../infrastructure/http/actor.js';
import type { AuditService } from '../audit/index.js';
import { GRADES, type Grade } from '../students/index.js';
import { evaluateCompliance, type ComplianceStatus } from './engine/evaluateCompliance.js';
import type { RuleSetService, RuleSetSource } from './RuleSetService.js';
import { todayUtc } from './schemas.js';

export interface ComplianceQuery {
  schoolId?: string;
  grade?: Grade;
  asOf?: string;
}

type Counts = Record<ComplianceStatus, number>;

export interface ComplianceGroup {
  schoolId: string | null;
  schoolName: string | null;
  grade: Grade;
  total: number;
  counts: Counts;
  /** Share of the group's students in each status, 0..1, four decimals. */
  rates: Counts;
}

export interface ComplianceReport {
  asOf: string;
  ruleSet: { name: string; source: RuleSetSource };
  total: number;
  counts: Counts;
  rates: Counts;
  groups: ComplianceGroup[];
}

interface StudentRow {
  id: string;
  dateOfBirth: string;
  grade: Grade;
  schoolId: string | null;
  schoolName: string | null;
}

interface HistoryRow {
  kind: 'IMMUNIZATION' | 'EXEMPTION';
  studentId: string;
  /** CVX code of an immunization, series of an exemption. */
  code: string;
  /** administered_on of an immunization, expires_on of an exemption (may be null). */
  date: string | null;
}

const emptyCounts = (): Counts => ({ COMPLIANT: 0, DUE: 0, OVERDUE: 0, EXEMPT: 0 });

function rates(counts: Counts, total: number): Counts {
  const rate = (n: number) => (total === 0 ? 0 : Math.round((n / total) * 10_000) / 10_000);
  return {
    COMPLIANT: rate(counts.COMPLIANT),
    DUE: rate(counts.DUE),
    OVERDUE: rate(counts.OVERDUE),
    EXEMPT: rate(counts.EXEMPT),
  };
}

/** The students the report covers, as SQL on alias `s` (shared by both queries). */
function studentFilter(query: ComplianceQuery): string {
  const conditions = ['s.organization_id = :organizationId', 's.is_active'];
  if (query.schoolId) conditions.push('s.school_id = :schoolId');
  if (query.grade) conditions.push('s.grade = :grade');
  return conditions.join(' AND ');
}

export class ComplianceReportService {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly audit: () => AuditService,
    private readonly ruleSets: RuleSetService,
  ) {}

  async report(actor: Actor, query: ComplianceQuery): Promise<ComplianceReport> {
    const asOf = query.asOf ?? todayUtc();
    const replacements = {
      organizationId: actor.organizationId,
      schoolId: query.schoolId ?? null,
      grade: query.grade ?? null,
    };
    const where = studentFilter(query);
    const [active, students, history] = await Promise.all([
      this.ruleSets.activeFor(actor.organizationId),
      this.sequelize.query<StudentRow>(
        `SELECT s.id, to_char(s.date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth", s.grade,
                s.school_id AS "schoolId", sc.name AS "schoolName"
           FROM students s
           LEFT JOIN schools sc ON sc.id = s.school_id AND sc.organization_id = s.organization_id
          WHERE ${where}`,
        { replacements, type: QueryTypes.SELECT },
      ),
      this.sequelize.query<HistoryRow>(
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

    const total = emptyCounts();
    const groups = new Map<string, ComplianceGroup>();
    for (const student of students) {
      const rows = byStudent.get(student.id) ?? [];
      const { status } = evaluateCompliance(
        {
          dateOfBirth: student.dateOfBirth,
          grade: student.grade,
          immunizations: rows
            .filter((r) => r.kind === 'IMMUNIZATION')
            .map((r) => ({ cvxCode: r.code, administeredOn: r.date! })),
          exemptions: rows
            .filter((r) => r.kind === 'EXEMPTION')
            .map((r) => ({ series: r.code, expiresOn: r.date })),
          asOf,
        },
        active.ruleSet,
      );
      total[status] += 1;
      const key = `${student.schoolId ?? ''}|${student.grade}`;
      const group = groups.get(key) ?? {
        schoolId: student.schoolId,
        schoolName: student.schoolName,
        grade: student.grade,
        total: 0,
        counts: emptyCounts(),
        rates: emptyCounts(),
      };
      group.total += 1;
      group.counts[status] += 1;
      groups.set(key, group);
    }

    await this.audit().recordFor(
      actor,
      'immunization.compliance.read',
      { type: 'immunization-compliance' },
      { studentCount: students.length, schoolId: query.schoolId ?? null, grade: query.grade ?? null },
    );

    const ordered = [...groups.values()]
      .map((g) => ({ ...g, rates: rates(g.counts, g.total) }))
      .sort(
        (a, b) =>
          (a.schoolName ?? '').localeCompare(b.schoolName ?? '') ||
          GRADES.indexOf(a.grade) - GRADES.indexOf(b.grade),
      );
    return {
      asOf,
      ruleSet: { name: active.ruleSet.name, source: active.source },
      total: students.length,
      counts: total,
      rates: rates(total, students.length),
      groups: ordered,
    };
  }
}
