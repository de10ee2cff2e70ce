import { ApiError } from '@/services/api/ApiError';
import { sendApiRequest, type QueryValue } from '@/services/api/apiClient';

export interface DownloadPdfOptions {
  method?: 'GET' | 'POST';
  /** Sent as JSON (custom.pdf). */
  body?: unknown;
  /** Empty values are left out, as the API client does. */
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
}

/**
 * How long the saved file's object URL outlives the click. Some browsers read the blob after
 * click() returns, so revoking at once could cancel the download; a second is plenty.
 */
export const REVOKE_OBJECT_URL_AFTER_MS = 1_000;

const PDF_CONTENT_TYPE = 'application/pdf';

async function fetchPdf(path: string, options: DownloadPdfOptions): Promise<Blob> {
  const response = await sendApiRequest(path, options, `${PDF_CONTENT_TYPE}, application/json`);
  const contentType = response.headers.get('Content-Type') ?? '';
  if (!contentType.toLowerCase().startsWith(PDF_CONTENT_TYPE)) {
    // A proxy's HTML page or a JSON body saved as .pdf would only confuse whoever opens it.
    throw new ApiError(response.status, 'The server did not send a PDF. Try again in a moment.');
  }
  return response.blob();
}

/** Hands the file to the browser's download manager through a temporary `<a download>`. */
function saveBlob(blob: Blob, filename: string): void {
  const objectUrl = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = objectUrl;
  link.download = filename;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(objectUrl), REVOKE_OBJECT_URL_AFTER_MS);
  }
}

/**
 * Fetches a PDF with the session's bearer header and saves it as `filename`. Errors are the
 * API client's ApiError, carrying the server's message (e.g. "too large, queue the report").
 */
export async function downloadPDF(
  path: string,
  filename: string,
  options: DownloadPdfOptions = {},
): Promise<void> {
  const blob = await fetchPdf(path, options);
  saveBlob(blob, filename);
}

/**
 * A file name from words, safe on every OS and spelled like the server's names:
 * pdfFilename('health-summary', "Núñez O'Brien") is "health-summary-nunez-o-brien.pdf".
 * Accents are dropped; letters of other scripts are kept.
 */
export function pdfFilename(...parts: string[]): string {
  const stem = parts
    .join('-')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return `${stem || 'report'}.pdf`;
}
