/**
 * Reports: the PDFs of API.md's Reports table, drawn in the request (up to a size) or queued
 * as a report-generation job whose PDF is kept for a while (report_results) and announced to
 * the requester. Reads the other modules only through what they expose.
 */
import type { Plugin } from '@hapi/hapi';
import { getQueueManager } from '../../infrastructure/jobs/jobsPlugin.js';
import { JOB_TYPES } from '../../infrastructure/jobs/jobTypes.js';
import { createReportGenerationProcessor } from '../../infrastructure/jobs/processors/reportGenerationProcessor.js';
import { PdfService } from '../../services/pdf/index.js';
import { QueuedReports } from './QueuedReports.js';
import { reportJobServices } from './reportJob.js';
import { ReportInputs } from './ReportInputs.js';
import { ReportService } from './ReportService.js';
import { ReportStore } from './ReportStore.js';
import { reportRoutes } from './routes.js';
import { QUEUED_MAX_ROWS } from './schemas.js';

export { REPORT_TYPES, type ReportType } from './reportTypes.js';
export type { ReportService } from './ReportService.js';
export type { QueuedReports, ReportStatusView } from './QueuedReports.js';

declare module '@hapi/hapi' {
  interface PluginProperties {
    reports: { service: ReportService; queued: QueuedReports };
  }
}

export const reportsPlugin: Plugin<void> = {
  name: 'reports',
  dependencies: [
    'database',
    'jobs',
    'auth',
    'audit',
    'users',
    'organizations',
    'students',
    'healthRecords',
    'medications',
    'immunizations',
    'incidents',
    'notifications',
  ],
  register(server) {
    const { sequelize, config } = server.app;
    const audit = () => server.plugins.audit.service;
    const queues = getQueueManager(server);
    // One per server: it loads its fonts once.
    const pdf = new PdfService();
    const reports = new ReportService(new ReportInputs(() => server.plugins), pdf, audit, {
      direct: config.reports.syncMaxRows,
      queued: QUEUED_MAX_ROWS,
    });
    const store = new ReportStore(sequelize);
    const queued = new QueuedReports({
      sequelize,
      store,
      reports,
      audit,
      enqueue: (data, jobId) => queues.addJob(JOB_TYPES.REPORT_GENERATION, data, { jobId }),
    });
    server.expose('service', reports);
    server.expose('queued', queued);
    server.route(reportRoutes(reports, queued));
    queues.registerProcessor(
      JOB_TYPES.REPORT_GENERATION,
      createReportGenerationProcessor(
        reportJobServices({
          store,
          reports,
          notifications: () => server.plugins.notifications.service,
          ttlMinutes: config.reports.ttlMinutes,
        }),
      ),
    );
  },
};
