/**
 * Draws a report for a requester: checks the type and the parameters (a route has already,
 * a job checks again), the requester's current role, assembles the input (ReportInputs),
 * renders it (PdfService) and names the file. A direct download is audited here; a queued
 * report when its file is fetched (QueuedReports).
 *
 * Size: a direct download holds at most `limits.direct` rows (a larger one is refused with
 * the hint to queue it), a queued one at most `limits.queued`.
 */
import type { Actor } from '../../infrastructure/http/actor.js';
import { AppError } from '../../infrastructure/http/AppError.js';
import { can } from '../../infrastructure/http/authorization.js';
import { PdfInputError, type PdfService } from '../../services/pdf/index.js';
import type { AuditService } from '../audit/index.js';
import { localDay, reportFilename } from './filenames.js';
import { customRows, TooManyRows, type ReportInputs, type RequesterProfile } from './ReportInputs.js';
import {
  isReportType,
  REPORT_PERMISSIONS,
  REPORT_TYPES,
  type ReportParameters,
  type ReportType,
} from './reportTypes.js';
import { PARAMETER_SCHEMAS } from './schemas.js';

export type Delivery = 'direct' | 'queued';

export interface RenderedReport {
  pdf: Buffer;
  filename: string;
  /** Identifiers and counts for the audit log: never health data. */
  details: Record<string, unknown>;
}

export interface ValidRequest<T extends ReportType = ReportType> {
  type: T;
  parameters: ReportParameters[T];
}

type Drawer<T extends ReportType> = (
  by: RequesterProfile,
  params: ReportParameters[T],
  limit: number,
) => Promise<RenderedReport>;

export const AUDIT_ENTITY = 'report';

function knownType(type: string): ReportType {
  if (!isReportType(type)) throw AppError.badRequest(`reportType must be one of ${REPORT_TYPES.join(', ')}`);
  return type;
}

function validated<T extends ReportType>(type: T, parameters: unknown): ReportParameters[T] {
  const { value, error } = PARAMETER_SCHEMAS[type].validate(parameters ?? {}, { abortEarly: false });
  if (error) throw AppError.badRequest([...new Set(error.details.map((d) => d.message))].join('; '));
  return value as ReportParameters[T];
}

export class ReportService {
  constructor(
    private readonly inputs: ReportInputs,
    private readonly pdf: PdfService,
    private readonly audit: () => AuditService,
    private readonly limits: Readonly<Record<Delivery, number>>,
  ) {}

  /** A PDF straight to the caller (the *.pdf routes), audited as a download. */
  async download<T extends ReportType>(
    actor: Actor,
    type: T,
    parameters: ReportParameters[T],
  ): Promise<RenderedReport> {
    const report = await this.render(actor, type, parameters, 'direct');
    await this.audit().recordFor(
      actor,
      'report.download',
      { type: AUDIT_ENTITY },
      { reportType: type, ...report.details },
    );
    return report;
  }

  /**
   * A request about to be queued: the caller's role, the parameters, and what can be known
   * without drawing (a record not found, too many rows), so it fails now rather than later.
   */
  async check(actor: Actor, type: string, parameters: unknown): Promise<ValidRequest> {
    const reportType = knownType(type);
    if (!can(actor.role, REPORT_PERMISSIONS[reportType])) throw AppError.forbidden();
    const params = validated(reportType, parameters);
    await this.guarded('queued', () =>
      this.inputs.preflight(actor.organizationId, reportType, params, this.limits.queued),
    );
    return { type: reportType, parameters: params };
  }

  /** `type` and `parameters` may come from storage or a job: both are checked here. */
  async render(
    requester: Pick<Actor, 'userId' | 'organizationId'>,
    type: string,
    parameters: unknown,
    delivery: Delivery,
  ): Promise<RenderedReport> {
    const reportType = knownType(type);
    const params = validated(reportType, parameters);
    const by = await this.inputs.requester(requester.organizationId, requester.userId);
    if (!by.isActive) throw AppError.forbidden('The account that requested this report is no longer active');
    if (!can(by.role, REPORT_PERMISSIONS[reportType])) throw AppError.forbidden();
    return this.guarded(delivery, () => this.draw(by, reportType, params, this.limits[delivery]));
  }

  private draw<T extends ReportType>(
    by: RequesterProfile,
    type: T,
    params: ReportParameters[T],
    limit: number,
  ): Promise<RenderedReport> {
    return this.drawers[type](by, params, limit);
  }

  private readonly drawers: { [K in ReportType]: Drawer<K> } = {
    'student-health-summary': async (by, params) => {
      const input = await this.inputs.studentHealthSummary(by, params);
      const { lastName, firstName } = input.student;
      return {
        pdf: await this.pdf.generateStudentHealthSummary(input),
        filename: reportFilename(
          'health-summary',
          lastName,
          firstName,
          localDay(input.generatedAt, input.timeZone),
        ),
        details: { studentId: params.studentId },
      };
    },
    'medication-log': async (by, params, limit) => {
      const input = await this.inputs.medicationLog(by, params, limit);
      const student = input.student;
      return {
        pdf: await this.pdf.generateMedicationLog(input),
        filename: reportFilename(
          'medication-log',
          student?.lastName,
          student?.firstName,
          params.from,
          'to',
          params.to,
        ),
        details: {
          studentId: params.studentId ?? null,
          from: params.from,
          to: params.to,
          rowCount: input.entries.length,
        },
      };
    },
    'immunization-compliance': async (by, params, limit) => {
      const input = await this.inputs.immunizationCompliance(by, params, limit);
      const grade = params.grade ? `grade-${params.grade}` : null;
      return {
        pdf: await this.pdf.generateImmunizationReport(input),
        filename: reportFilename('immunization-compliance', input.school?.name, grade, input.compliance.asOf),
        details: {
          schoolId: params.schoolId ?? null,
          grade: params.grade ?? null,
          asOf: input.compliance.asOf,
          studentCount: input.compliance.total,
          nonCompliantCount: input.nonCompliant.length,
        },
      };
    },
    incident: async (by, params) => {
      const { input, studentId } = await this.inputs.incidentReport(by, params);
      const { lastName, firstName } = input.student;
      const day = localDay(input.incident.occurredAt, input.timeZone);
      return {
        pdf: await this.pdf.generateIncidentReport(input),
        filename: reportFilename('incident-report', lastName, firstName, day),
        details: { incidentId: params.incidentId, studentId },
      };
    },
    custom: async (by, params, limit) => {
      const input = await this.inputs.custom(by, params, limit);
      return {
        pdf: await this.pdf.generateCustomReport(input),
        filename: reportFilename(params.title, localDay(input.generatedAt, input.timeZone)),
        details: { tables: params.tables.length, rows: customRows(params) },
      };
    },
  };

  /** Maps what only this module knows to answers: too many rows (422), a malformed custom report (400). */
  private async guarded<T>(delivery: Delivery, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof TooManyRows) {
        throw new AppError(
          422,
          delivery === 'direct'
            ? `This report would hold more than ${error.limit} rows, too many to draw during a request: ` +
                'queue it with POST /api/v1/reports and download it when it is ready'
            : `This report would hold more than ${error.limit} rows: narrow the dates or filters`,
        );
      }
      if (error instanceof PdfInputError) throw AppError.badRequest(error.message);
      throw error;
    }
  }
}
