/**
 * The report routes of API.md. Every PDF answers `application/pdf` as an attachment that no
 * browser or proxy may keep (`Cache-Control: no-store`): it holds health data.
 */
import type { ResponseToolkit, ServerRoute } from '@hapi/hapi';
import { actorFrom } from '../../infrastructure/http/actor.js';
import { requirePermission } from '../../infrastructure/http/authorization.js';
import type { QueuedReports } from './QueuedReports.js';
import type { ReportParameters } from './reportTypes.js';
import type { ReportService } from './ReportService.js';
import {
  customReportPayload,
  idParams,
  immunizationComplianceQuery,
  medicationLogQuery,
  queueReportPayload,
} from './schemas.js';

function pdfResponse(h: ResponseToolkit, file: { pdf: Buffer; filename: string }) {
  return h
    .response(file.pdf)
    .type('application/pdf')
    .header('Content-Disposition', `attachment; filename="${file.filename}"`)
    .header('Cache-Control', 'no-store');
}

export function reportRoutes(reports: ReportService, queued: QueuedReports): ServerRoute[] {
  return [
    {
      method: 'GET',
      path: '/api/v1/students/{id}/health-summary.pdf',
      options: { auth: requirePermission('reports:read-clinical'), validate: { params: idParams } },
      async handler(request, h) {
        const studentId = request.params.id as string;
        return pdfResponse(
          h,
          await reports.download(actorFrom(request), 'student-health-summary', { studentId }),
        );
      },
    },
    {
      method: 'GET',
      path: '/api/v1/reports/medication-log.pdf',
      options: { auth: requirePermission('reports:read-clinical'), validate: { query: medicationLogQuery } },
      async handler(request, h) {
        const query = request.query as unknown as ReportParameters['medication-log'];
        return pdfResponse(h, await reports.download(actorFrom(request), 'medication-log', query));
      },
    },
    {
      method: 'GET',
      path: '/api/v1/reports/immunization-compliance.pdf',
      options: { auth: requirePermission('reports:read'), validate: { query: immunizationComplianceQuery } },
      async handler(request, h) {
        const query = request.query as ReportParameters['immunization-compliance'];
        return pdfResponse(h, await reports.download(actorFrom(request), 'immunization-compliance', query));
      },
    },
    {
      method: 'GET',
      path: '/api/v1/incidents/{id}/report.pdf',
      options: { auth: requirePermission('reports:read-clinical'), validate: { params: idParams } },
      async handler(request, h) {
        const incidentId = request.params.id as string;
        return pdfResponse(h, await reports.download(actorFrom(request), 'incident', { incidentId }));
      },
    },
    {
      method: 'POST',
      path: '/api/v1/reports/custom.pdf',
      options: { auth: requirePermission('reports:read'), validate: { payload: customReportPayload } },
      async handler(request, h) {
        const payload = request.payload as ReportParameters['custom'];
        return pdfResponse(h, await reports.download(actorFrom(request), 'custom', payload));
      },
    },
    {
      method: 'POST',
      path: '/api/v1/reports',
      options: { auth: requirePermission('reports:read'), validate: { payload: queueReportPayload } },
      async handler(request, h) {
        const { reportType, parameters } = request.payload as { reportType: string; parameters: unknown };
        return h.response(await queued.request(actorFrom(request), reportType, parameters)).code(202);
      },
    },
    {
      method: 'GET',
      path: '/api/v1/reports/{id}',
      options: { auth: requirePermission('reports:read'), validate: { params: idParams } },
      handler: (request) => queued.status(actorFrom(request), request.params.id as string),
    },
    {
      method: 'GET',
      path: '/api/v1/reports/{id}/download',
      options: { auth: requirePermission('reports:read'), validate: { params: idParams } },
      async handler(request, h) {
        return pdfResponse(h, await queued.download(actorFrom(request), request.params.id as string));
      },
    },
  ];
}
