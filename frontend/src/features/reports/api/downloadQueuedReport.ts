import { useMutation } from '@tanstack/react-query';
import type { ApiError } from '@/services/api/ApiError';
import { downloadPDF, pdfFilename } from '@/services/pdf/pdfUtils';
import type { QueuedReport } from '../types';

type Downloadable = Pick<QueuedReport, 'id' | 'reportType' | 'filename'>;

/**
 * GET /api/v1/reports/{id}/download. The path is built here rather than taken from the
 * response's downloadUrl, so the bearer header can only ever go to our own API.
 */
export function downloadQueuedReport(report: Downloadable): Promise<void> {
  return downloadPDF(
    `/api/v1/reports/${encodeURIComponent(report.id)}/download`,
    report.filename ?? pdfFilename(report.reportType),
  );
}

export function useDownloadQueuedReport() {
  return useMutation<void, ApiError, Downloadable>({ mutationFn: downloadQueuedReport });
}
