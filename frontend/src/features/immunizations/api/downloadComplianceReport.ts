import { useMutation } from '@tanstack/react-query';
import type { ApiError } from '@/services/api/ApiError';
import { downloadPDF, pdfFilename } from '@/services/pdf/pdfUtils';
import type { ComplianceQuery } from '../types';

/**
 * GET /api/v1/reports/immunization-compliance.pdf with the page's filters: the counts and the
 * non-compliant students, printable. Too many rows answers a 4xx saying to queue it (Reports).
 */
export function downloadComplianceReport(query: ComplianceQuery): Promise<void> {
  return downloadPDF(
    '/api/v1/reports/immunization-compliance.pdf',
    pdfFilename('immunization-compliance', query.asOf ?? 'today'),
    { query: { schoolId: query.schoolId, grade: query.grade, asOf: query.asOf } },
  );
}

export function useDownloadComplianceReport() {
  return useMutation<void, ApiError, ComplianceQuery>({ mutationFn: downloadComplianceReport });
}
