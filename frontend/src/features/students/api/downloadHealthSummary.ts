import { useMutation } from '@tanstack/react-query';
import type { ApiError } from '@/services/api/ApiError';
import { downloadPDF, pdfFilename } from '@/services/pdf/pdfUtils';
import type { Student } from '../types';

type SummaryStudent = Pick<Student, 'id' | 'lastName'>;

/** GET /api/v1/students/{id}/health-summary.pdf, saved as health-summary-<lastname>.pdf. */
export function downloadHealthSummary(student: SummaryStudent): Promise<void> {
  return downloadPDF(
    `/api/v1/students/${encodeURIComponent(student.id)}/health-summary.pdf`,
    pdfFilename('health-summary', student.lastName),
  );
}

export function useDownloadHealthSummary() {
  return useMutation<void, ApiError, SummaryStudent>({ mutationFn: downloadHealthSummary });
}
