/**
 * Compliance across the organization, per school and grade (the students are evaluated in
 * one pass, see organizationCompliance), with counts and rates per status.
 */
import type { Sequelize } from 'sequelize';
import type { Actor } from '../../infrastructure/http/actor.js';
import type { AuditService } from '../audit/index.js';
import { GRADES, type Grade } from '../students/index.js';
import type { ComplianceCache } from './complianceCache.js';
import type { ComplianceStatus, SeriesResult } from './engine/evaluateCompliance.js';
import type { RuleSet } from './engine/ruleSet.js';
import { evaluateCohort, type EvaluatedStudent } from './organizationCompliance.js';
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

/** A DUE or OVERDUE student and the series not yet complete. */
export interface NonCompliantStudent {
  studentId: string;
  firstName: string;
  lastName: string;
  grade: Grade;
  schoolId: string | null;
  schoolName: string | null;
  status: 'DUE' | 'OVERDUE';
  series: SeriesResult[];
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

export class ComplianceReportService {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly audit: () => AuditService,
    private readonly ruleSets: RuleSetService,
    private readonly cache: ComplianceCache,
  ) {}

  /** The summary, cache-aside (see complianceCache); every read is audited, hit or miss. */
  async report(actor: Actor, query: ComplianceQuery): Promise<ComplianceReport> {
    const { organizationId } = actor;
    const filter = { schoolId: query.schoolId, grade: query.grade, asOf: query.asOf ?? todayUtc() };
    const report = await this.cache.summary(organizationId, filter, async () => {
      const { asOf, active, students } = await this.evaluate(organizationId, filter);
      return summarize(asOf, active, students);
    });
    await this.audit().recordFor(
      actor,
      'immunization.compliance.read',
      { type: 'immunization-compliance' },
      { studentCount: report.total, schoolId: query.schoolId ?? null, grade: query.grade ?? null },
    );
    return report;
  }

  /**
   * The DUE and OVERDUE students with their incomplete series, for the SPA's list (the same
   * rows the compliance PDF prints). Audited like the report: who asked, filters and count.
   */
  async nonCompliantStudents(
    actor: Actor,
    query: ComplianceQuery,
  ): Promise<{ asOf: string; data: NonCompliantStudent[] }> {
    const { report, nonCompliant } = await this.detailedReport(actor.organizationId, query);
    await this.audit().recordFor(
      actor,
      'immunization.compliance.students',
      { type: 'immunization-compliance' },
      { studentCount: nonCompliant.length, schoolId: query.schoolId ?? null, grade: query.grade ?? null },
    );
    return { asOf: report.asOf, data: nonCompliant };
  }

  /**
   * The report and the students behind its DUE and OVERDUE counts (by school, grade and name)
   * with their incomplete series, from one evaluation. No actor and no audit: the caller (the
   * PDF report) audits what it hands out.
   */
  async detailedReport(
    organizationId: string,
    query: ComplianceQuery,
  ): Promise<{ report: ComplianceReport; nonCompliant: NonCompliantStudent[] }> {
    const { asOf, active, students } = await this.evaluate(organizationId, query);
    const nonCompliant: NonCompliantStudent[] = [];
    for (const { compliance, id, ...student } of students) {
      if (compliance.status !== 'DUE' && compliance.status !== 'OVERDUE') continue;
      const series = compliance.series.filter((s) => s.status === 'DUE' || s.status === 'OVERDUE');
      nonCompliant.push({ studentId: id, ...student, status: compliance.status, series });
    }
    nonCompliant.sort(
      (a, b) =>
        (a.schoolName ?? '').localeCompare(b.schoolName ?? '') ||
        GRADES.indexOf(a.grade) - GRADES.indexOf(b.grade) ||
        a.lastName.localeCompare(b.lastName) ||
        a.firstName.localeCompare(b.firstName) ||
        a.studentId.localeCompare(b.studentId),
    );
    return { report: summarize(asOf, active, students), nonCompliant };
  }

  private async evaluate(organizationId: string, query: ComplianceQuery) {
    const asOf = query.asOf ?? todayUtc();
    const active = await this.ruleSets.activeFor(organizationId);
    const students = await evaluateCohort(this.sequelize, active.ruleSet, {
      organizationId,
      schoolId: query.schoolId,
      grade: query.grade,
      asOf,
    });
    return { asOf, active, students };
  }
}

function summarize(
  asOf: string,
  active: { ruleSet: RuleSet; source: RuleSetSource },
  students: readonly EvaluatedStudent[],
): ComplianceReport {
  const total = emptyCounts();
  const groups = new Map<string, ComplianceGroup>();
  for (const student of students) {
    const { status } = student.compliance;
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
