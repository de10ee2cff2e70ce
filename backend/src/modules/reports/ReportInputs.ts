/**
 * What each PDF template takes, assembled from the other modules through what they expose
 * (server.plugins): tenant-scoped reads without an actor, so the same code serves a request
 * and a queued job; the report, not each read, is audited. A record of another organization
 * answers 404 as everywhere else. Rows beyond the caller's limit throw TooManyRows before
 * anything is drawn.
 */
import type { PluginProperties } from '@hapi/hapi';
import { AppError } from '../../infrastructure/http/AppError.js';
import type { Role } from '../../infrastructure/http/authorization.js';
import type {
  CustomReportInput,
  ImmunizationReportInput,
  IncidentReportInput,
  MedicationLogInput,
  ReportContext,
  StudentHealthSummaryInput,
} from '../../services/pdf/index.js';
import type { StudentView } from '../students/index.js';
import { healthSummarySections } from './healthSummarySections.js';
import type { ReportParameters, ReportType } from './reportTypes.js';

/** Who asked, as the page header names them. */
export interface RequesterProfile {
  userId: string;
  organizationId: string;
  name: string;
  role: Role;
  isActive: boolean;
}

export class TooManyRows extends Error {
  override readonly name = 'TooManyRows';
  constructor(readonly limit: number) {
    super(`more than ${limit} rows`);
  }
}

type Params<T extends keyof ReportParameters> = ReportParameters[T];

const identity = (s: StudentView) => ({
  firstName: s.firstName,
  lastName: s.lastName,
  dateOfBirth: s.dateOfBirth,
  grade: s.grade,
  gender: s.gender,
  studentNumber: s.studentNumber,
});

export class ReportInputs {
  constructor(private readonly plugins: () => PluginProperties) {}

  /** The requester in their organization (404 otherwise), with their current role. */
  async requester(organizationId: string, userId: string): Promise<RequesterProfile> {
    const user = await this.plugins().users.service.get(organizationId, userId);
    return { userId, organizationId, name: user.name, role: user.role, isActive: user.isActive };
  }

  student(organizationId: string, studentId: string): Promise<StudentView> {
    return this.plugins().students.service.assertExists(organizationId, studentId);
  }

  incident(organizationId: string, incidentId: string) {
    return this.plugins().incidents.service.viewFor(organizationId, incidentId);
  }

  async school(organizationId: string, schoolId: string): Promise<{ id: string; name: string }> {
    const schools = await this.plugins().organizations.service.listSchools(organizationId);
    const school = schools.find((s) => s.id === schoolId);
    if (!school) throw AppError.notFound('School');
    return school;
  }

  /**
   * What can be known without drawing (a record not found: 404; too many rows: TooManyRows),
   * so a queued request that cannot succeed is refused at once.
   */
  async preflight<T extends ReportType>(
    organizationId: string,
    type: T,
    params: Params<T>,
    limit: number,
  ): Promise<void> {
    const checks: { [K in ReportType]: (p: Params<K>) => Promise<unknown> } = {
      'student-health-summary': (p) => this.student(organizationId, p.studentId),
      incident: (p) => this.incident(organizationId, p.incidentId),
      'immunization-compliance': async (p) => p.schoolId && this.school(organizationId, p.schoolId),
      'medication-log': async (p) => {
        if (p.studentId) await this.student(organizationId, p.studentId);
        if ((await this.plugins().medications.log.count(organizationId, p)) > limit)
          throw new TooManyRows(limit);
      },
      custom: async (p) => {
        if (customRows(p) > limit) throw new TooManyRows(limit);
      },
    };
    await checks[type](params);
  }

  async studentHealthSummary(
    by: RequesterProfile,
    { studentId }: Params<'student-health-summary'>,
  ): Promise<StudentHealthSummaryInput> {
    const { organizationId } = by;
    const student = await this.student(organizationId, studentId);
    const { healthRecords, medications, immunizations } = this.plugins();
    const [context, allergies, conditions, contacts, prescriptions, immunization] = await Promise.all([
      this.context(by, student.schoolId),
      healthRecords.services.allergies.activeFor(organizationId, studentId),
      healthRecords.services.conditions.currentFor(organizationId, studentId),
      healthRecords.services.emergencyContacts.inCallingOrder(organizationId, studentId),
      medications.prescriptions.activeForProfile(organizationId, studentId),
      immunizations.service.section(organizationId, studentId),
    ]);
    return {
      ...context,
      student: identity(student),
      ...healthSummarySections({ allergies, conditions, contacts, prescriptions, immunization }),
    };
  }

  async medicationLog(
    by: RequesterProfile,
    params: Params<'medication-log'>,
    limit: number,
  ): Promise<MedicationLogInput> {
    const student = params.studentId ? await this.student(by.organizationId, params.studentId) : null;
    const log = await this.plugins().medications.log.entries(by.organizationId, params, limit + 1);
    if (log.entries.length > limit) throw new TooManyRows(limit);
    const context = await this.context(by, student?.schoolId);
    return {
      ...context,
      range: log.range,
      student: student ? identity(student) : null,
      entries: log.entries.map(({ studentId: _studentId, ...entry }) => entry),
    };
  }

  async immunizationCompliance(
    by: RequesterProfile,
    params: Params<'immunization-compliance'>,
    limit: number,
  ): Promise<ImmunizationReportInput> {
    if (params.schoolId) await this.school(by.organizationId, params.schoolId);
    const { report, nonCompliant } = await this.plugins().immunizations.reports.detailedReport(
      by.organizationId,
      params,
    );
    if (nonCompliant.length > limit) throw new TooManyRows(limit);
    return {
      ...(await this.context(by, params.schoolId)),
      compliance: report,
      nonCompliant: nonCompliant.map((s) => ({
        studentName: `${s.firstName} ${s.lastName}`,
        grade: s.grade,
        schoolName: s.schoolName,
        status: s.status,
        series: s.series,
      })),
    };
  }

  /** The input, and the student it is about (for the audit log). */
  async incidentReport(
    by: RequesterProfile,
    { incidentId }: Params<'incident'>,
  ): Promise<{ input: IncidentReportInput; studentId: string }> {
    const incident = await this.incident(by.organizationId, incidentId);
    const [student, reporter] = await Promise.all([
      this.student(by.organizationId, incident.studentId),
      this.plugins().users.service.get(by.organizationId, incident.reportedBy),
    ]);
    const input: IncidentReportInput = {
      ...(await this.context(by, student.schoolId)),
      student: identity(student),
      incident,
      reporterName: reporter.name,
    };
    return { input, studentId: student.id };
  }

  async custom(by: RequesterProfile, params: Params<'custom'>, limit: number): Promise<CustomReportInput> {
    if (customRows(params) > limit) throw new TooManyRows(limit);
    return { ...(await this.context(by, null)), ...params };
  }

  /** The page header: organization, school, who asked and when, in the schools' time zone. */
  private async context(by: RequesterProfile, schoolId: string | null | undefined): Promise<ReportContext> {
    const { organizations, medications } = this.plugins();
    const [organization, school, timeZone] = await Promise.all([
      organizations.service.getOrganization(by.organizationId),
      schoolId ? this.school(by.organizationId, schoolId) : null,
      medications.log.timeZoneOf(by.organizationId),
    ]);
    return {
      organization: { name: organization.name },
      school: school ? { name: school.name } : null,
      generatedBy: { name: by.name, role: by.role },
      generatedAt: new Date(),
      timeZone,
    };
  }
}

export function customRows(params: Params<'custom'>): number {
  return params.tables.reduce((sum, table) => sum + table.rows.length, 0);
}
