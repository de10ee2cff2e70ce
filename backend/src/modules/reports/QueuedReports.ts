/**
 * Queued reports (POST /api/v1/reports): a request is checked as a direct download would be
 * (role, parameters, records found, size within the queued limit), stored with its audit row,
 * and a report-generation job is enqueued under the row's id. The requester reads its status
 * and fetches the PDF (audited) until it expires; an expired report answers 410 until it is
 * purged, which happens whenever a report is requested.
 */
import type { Sequelize } from 'sequelize';
import type { Actor } from '../../infrastructure/http/actor.js';
import { AppError } from '../../infrastructure/http/AppError.js';
import { can } from '../../infrastructure/http/authorization.js';
import type { JobInput } from '../../infrastructure/jobs/jobTypes.js';
import type { AuditService } from '../audit/index.js';
import { isReportType, REPORT_PERMISSIONS } from './reportTypes.js';
import { AUDIT_ENTITY, type ReportService } from './ReportService.js';
import type { ReportStore, StoredReport } from './ReportStore.js';

export interface ReportStatusView {
  id: string;
  reportType: string;
  status: StoredReport['status'];
  createdAt: Date;
  completedAt: Date | null;
  expiresAt: Date | null;
  /** Set once the report is completed. */
  downloadUrl: string | null;
  filename: string | null;
  /** Why a failed report failed. */
  error: string | null;
}

export interface QueuedReportsDependencies {
  sequelize: Sequelize;
  store: ReportStore;
  reports: ReportService;
  audit: () => AuditService;
  enqueue(data: JobInput<'report-generation'>, jobId: string): Promise<unknown>;
}

export const downloadUrlOf = (id: string) => `/api/v1/reports/${id}/download`;
/** BullMQ refuses ':' in custom job ids. */
export const reportJobId = (id: string) => `report-${id}`;

/** The parameters that identify what a report covers: ids and dates, never a custom report's content. */
const IDENTIFYING = ['studentId', 'incidentId', 'schoolId', 'grade', 'asOf', 'from', 'to'];

function identifiers(parameters: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(parameters).filter(([key]) => IDENTIFYING.includes(key)));
}

function statusView(report: StoredReport): ReportStatusView {
  return {
    id: report.id,
    reportType: report.reportType,
    status: report.status,
    createdAt: report.createdAt,
    completedAt: report.completedAt,
    expiresAt: report.expiresAt,
    downloadUrl: report.status === 'completed' ? downloadUrlOf(report.id) : null,
    filename: report.filename,
    error: report.error,
  };
}

export class QueuedReports {
  constructor(private readonly deps: QueuedReportsDependencies) {}

  async request(actor: Actor, reportType: string, parameters: unknown): Promise<{ id: string }> {
    const { sequelize, store, reports, audit } = this.deps;
    const request = await reports.check(actor, reportType, parameters);
    const params = request.parameters as Record<string, unknown>;
    await store.purgeExpired();
    const report = await sequelize.transaction(async (transaction) => {
      const created = await store.create(
        {
          organizationId: actor.organizationId,
          requestedBy: actor.userId,
          reportType: request.type,
          parameters: params,
        },
        transaction,
      );
      await audit().recordFor(
        actor,
        'report.request',
        { type: AUDIT_ENTITY, id: created.id },
        { reportType: request.type, ...identifiers(params) },
        transaction,
      );
      return created;
    });
    // Enqueued after the commit, so the worker always finds the row.
    try {
      await this.deps.enqueue(
        {
          organizationId: actor.organizationId,
          requestedBy: actor.userId,
          reportType: request.type,
          reportId: report.id,
          parameters: identifiers(params),
        },
        reportJobId(report.id),
      );
    } catch {
      await store.remove(actor.organizationId, report.id);
      throw new AppError(503, 'Reports cannot be queued right now; please try again shortly');
    }
    return { id: report.id };
  }

  async status(actor: Actor, id: string): Promise<ReportStatusView> {
    const report = await this.deps.store.findOwn(actor.organizationId, actor.userId, id);
    return statusView(this.live(report));
  }

  /** The PDF of a completed report, audited as a download. */
  async download(actor: Actor, id: string): Promise<{ pdf: Buffer; filename: string }> {
    const report = this.live(await this.deps.store.findFile(actor.organizationId, actor.userId, id));
    if (report.status === 'failed')
      throw AppError.conflict(`The report failed: ${report.error ?? 'unknown'}`);
    if (report.status !== 'completed' || !report.pdf || !report.filename) {
      throw AppError.conflict(
        `The report is not ready yet (${report.status}); try again when it is completed`,
      );
    }
    // The role may have changed since the request.
    if (!isReportType(report.reportType) || !can(actor.role, REPORT_PERMISSIONS[report.reportType])) {
      throw AppError.forbidden();
    }
    await this.deps
      .audit()
      .recordFor(
        actor,
        'report.download',
        { type: AUDIT_ENTITY, id },
        { reportType: report.reportType, ...identifiers(report.parameters) },
      );
    return { pdf: report.pdf, filename: report.filename };
  }

  /** The caller's own report, unless it is missing (404) or expired (410). */
  private live<T extends StoredReport>(report: T | null): T {
    if (!report) throw AppError.notFound('Report');
    if (report.expired) throw new AppError(410, 'This report has expired; request it again');
    return report;
  }
}
