/**
 * The report-generation job: builds the PDF a user queued (POST /api/v1/reports), stores it
 * on the report's row and tells the requester it is ready. Idempotent at every step:
 * - the PDF is stored and the report marked completed in one UPDATE that does nothing once
 *   the report is completed, so a retry after that commit skips straight to the notice;
 * - the notice carries a dedupe key per report, so nobody is told twice.
 * A request the service refuses (a record gone, a log too large, bad parameters) never gets
 * better on a retry: the report is marked failed and the job fails at once. Any other error
 * is retried; the last attempt marks the report failed. Progress is reported at each stage.
 * The result names the report and its download link only: it is relayed to the requester's
 * socket and kept in Redis, so it never holds health data.
 */
import { UnrecoverableError } from 'bullmq';
import type { JobProcessor } from '../QueueManager.js';

export type ReportStatus = 'queued' | 'running' | 'completed' | 'failed';

/** The report as requested and stored. */
export interface QueuedReport {
  id: string;
  reportType: string;
  parameters: Record<string, unknown>;
  status: ReportStatus;
}

export interface GeneratedReport {
  pdf: Buffer;
  filename: string;
}

export interface ReportGenerationServices {
  /**
   * Marks the report running (unless already completed) and returns it; null when it no
   * longer exists (expired and purged) or is not this requester's in this organization.
   */
  start(organizationId: string, requestedBy: string, reportId: string): Promise<QueuedReport | null>;
  /** Builds the PDF for the requester, checking type, parameters and permission again. */
  generate(organizationId: string, requestedBy: string, report: QueuedReport): Promise<GeneratedReport>;
  /** A failure caused by the request itself, as a message safe to show; null for anything else. */
  refusalOf(error: unknown): string | null;
  /** Stores the PDF and marks the report completed, unless it already is. */
  complete(organizationId: string, reportId: string, file: GeneratedReport): Promise<void>;
  /** Marks the report failed with a message for the requester, unless it completed meanwhile. */
  fail(organizationId: string, reportId: string, message: string): Promise<void>;
  /** Tells the requester the report is ready (once per report: a dedupe key names it). */
  notifyReady(organizationId: string, requestedBy: string, report: QueuedReport): Promise<void>;
  /** Tells the requester why it failed (once per report). */
  notifyFailed(
    organizationId: string,
    requestedBy: string,
    report: QueuedReport,
    message: string,
  ): Promise<void>;
  downloadUrl(reportId: string): string;
}

export interface ReportGenerationResult {
  reportId: string;
  downloadUrl: string;
}

const RETRY_LATER = 'The report could not be generated. Please request it again later.';

export function createReportGenerationProcessor(
  services: ReportGenerationServices,
): JobProcessor<'report-generation'> {
  return async (data, job): Promise<ReportGenerationResult> => {
    const { organizationId, requestedBy, reportId } = data;
    if (reportId === undefined) throw new UnrecoverableError('A report-generation job needs a reportId');
    const report = await services.start(organizationId, requestedBy, reportId);
    if (!report) throw new UnrecoverableError('The report no longer exists (expired or removed)');

    if (report.status !== 'completed') {
      await job.updateProgress(10);
      try {
        const file = await services.generate(organizationId, requestedBy, report);
        await job.updateProgress(80);
        await services.complete(organizationId, reportId, file);
      } catch (error) {
        const refusal = services.refusalOf(error);
        const lastAttempt = refusal !== null || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        if (lastAttempt) {
          const message = refusal ?? RETRY_LATER;
          await services.fail(organizationId, reportId, message);
          await services.notifyFailed(organizationId, requestedBy, report, message);
        }
        throw refusal === null ? error : new UnrecoverableError(refusal);
      }
    }
    await job.updateProgress(90);
    await services.notifyReady(organizationId, requestedBy, report);
    await job.updateProgress(100);
    return { reportId, downloadUrl: services.downloadUrl(reportId) };
  };
}
