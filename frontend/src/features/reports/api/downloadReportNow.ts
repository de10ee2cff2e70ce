import { useMutation } from '@tanstack/react-query';
import type { ApiError } from '@/services/api/ApiError';
import { downloadPDF, pdfFilename, type DownloadPdfOptions } from '@/services/pdf/pdfUtils';
import { toCalendarDate } from '../dateRange';
import type { ReportSelection } from '../types';

interface DirectDownload {
  path: string;
  filename: string;
  options?: DownloadPdfOptions;
}

/** Where each report is built on request, and the name it is saved under. Validate first. */
export function directDownloadFor(selection: ReportSelection): DirectDownload {
  const { student } = selection;
  switch (selection.reportType) {
    case 'medication-log':
      return {
        path: '/api/v1/reports/medication-log.pdf',
        filename: pdfFilename(
          'medication-log',
          ...(student ? [student.lastName] : []),
          selection.from,
          'to',
          selection.to,
        ),
        options: { query: { from: selection.from, to: selection.to, studentId: student?.id } },
      };
    case 'immunization-compliance':
      return {
        path: '/api/v1/reports/immunization-compliance.pdf',
        filename: pdfFilename('immunization-compliance', toCalendarDate(new Date())),
      };
    case 'student-health-summary':
      if (!student) throw new Error('A health summary needs a student');
      return {
        path: `/api/v1/students/${encodeURIComponent(student.id)}/health-summary.pdf`,
        filename: pdfFilename('health-summary', student.lastName),
      };
  }
}

/** Builds the report in the request and saves it; a report too large for that answers 413/422. */
export function downloadReportNow(selection: ReportSelection): Promise<void> {
  const { path, filename, options } = directDownloadFor(selection);
  return downloadPDF(path, filename, options);
}

export function useDownloadReportNow() {
  return useMutation<void, ApiError, ReportSelection>({ mutationFn: downloadReportNow });
}
