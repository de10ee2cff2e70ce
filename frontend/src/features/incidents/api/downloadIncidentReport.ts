import { useMutation } from '@tanstack/react-query';
import type { ApiError } from '@/services/api/ApiError';
import { downloadPDF, pdfFilename } from '@/services/pdf/pdfUtils';
import type { Incident } from '../types';

type Reportable = Pick<Incident, 'id' | 'occurredAt'>;

/** GET /api/v1/incidents/{id}/report.pdf (nurses and admins), saved as incident-report-<day>.pdf. */
export function downloadIncidentReport(incident: Reportable): Promise<void> {
  return downloadPDF(
    `/api/v1/incidents/${encodeURIComponent(incident.id)}/report.pdf`,
    pdfFilename('incident-report', incident.occurredAt.slice(0, 10)),
  );
}

export function useDownloadIncidentReport() {
  return useMutation<void, ApiError, Reportable>({ mutationFn: downloadIncidentReport });
}
