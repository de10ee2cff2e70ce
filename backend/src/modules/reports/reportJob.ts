/**
 * What the report-generation processor is given: the store for the report's row, the report
 * service to draw it (type, parameters and the requester's current role checked again), and
 * the requester's notification, once per report and outcome.
 */
import { AppError } from '../../infrastructure/http/AppError.js';
import type { ReportGenerationServices } from '../../infrastructure/jobs/processors/reportGenerationProcessor.js';
import type { NotificationInput, NotificationService } from '../notifications/index.js';
import { downloadUrlOf } from './QueuedReports.js';
import { isReportType, REPORT_LABELS } from './reportTypes.js';
import type { ReportService } from './ReportService.js';
import type { ReportStore } from './ReportStore.js';

export interface ReportJobDependencies {
  store: ReportStore;
  reports: ReportService;
  /** Looked up per call: the notifications plugin may register after this one. */
  notifications: () => NotificationService;
  ttlMinutes: number;
}

function readyNotice(reportType: string, reportId: string, ttlMinutes: number): NotificationInput {
  return {
    type: 'REPORT_READY',
    title: 'Report ready',
    message: `Your ${labelOf(reportType)} is ready. Download it within ${ttlMinutes} minutes: ${downloadUrlOf(reportId)}`,
  };
}

function failedNotice(reportType: string, message: string): NotificationInput {
  return {
    type: 'REPORT_FAILED',
    title: 'Report failed',
    message: `Your ${labelOf(reportType)} could not be generated: ${message}`,
  };
}

const labelOf = (reportType: string) => (isReportType(reportType) ? REPORT_LABELS[reportType] : 'report');

export function reportJobServices(deps: ReportJobDependencies): ReportGenerationServices {
  const { store, reports, ttlMinutes } = deps;
  return {
    start: (organizationId, requestedBy, reportId) => store.start(organizationId, requestedBy, reportId),
    generate: (organizationId, requestedBy, report) =>
      reports.render({ organizationId, userId: requestedBy }, report.reportType, report.parameters, 'queued'),
    // A 4xx is the request's own fault (a record gone, too many rows, a role lost): final.
    refusalOf: (error) => (error instanceof AppError && error.statusCode < 500 ? error.message : null),
    complete: (organizationId, reportId, file) => store.complete(organizationId, reportId, file, ttlMinutes),
    fail: (organizationId, reportId, message) => store.fail(organizationId, reportId, message, ttlMinutes),
    async notifyReady(organizationId, requestedBy, report) {
      const input = readyNotice(report.reportType, report.id, ttlMinutes);
      await deps
        .notifications()
        .createOnce(organizationId, [requestedBy], `report-ready:${report.id}`, input);
    },
    async notifyFailed(organizationId, requestedBy, report, message) {
      const input = failedNotice(report.reportType, message);
      await deps
        .notifications()
        .createOnce(organizationId, [requestedBy], `report-failed:${report.id}`, input);
    },
    downloadUrl: downloadUrlOf,
  };
}
