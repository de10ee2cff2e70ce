import { afterEach, describe, expect, it, vi } from 'vitest';
import { boom, stubFetch } from '@/testing/fetchStub';
import { startSession } from '@/services/session/sessionStore';
import { downloadPDF, pdfFilename, REVOKE_OBJECT_URL_AFTER_MS } from './pdfUtils';

const PDF_BYTES = '%PDF-1.7\n%test\n';

function pdfResponse(): Response {
  return new Response(PDF_BYTES, {
    status: 200,
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': 'attachment; filename="server-name.pdf"',
    },
  });
}

/** What the temporary link saved: its name, the blob behind its URL, and whether it was clicked. */
function watchSaves() {
  const blobs = new Map<string, Blob>();
  let next = 0;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${(next += 1)}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  const clicks: Array<{ download: string; blob: Blob | undefined; inDocument: boolean }> = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicks.push({ download: this.download, blob: blobs.get(this.href), inDocument: this.isConnected });
  });
  return { clicks, revoke };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('downloadPDF', () => {
  it('fetches with the bearer header (never the token in the URL) and saves the PDF under the name given', async () => {
    vi.useFakeTimers();
    startSession({ token: 'token-1', idleLogoutMinutes: 15 });
    const fetchMock = vi.fn(async () => pdfResponse());
    vi.stubGlobal('fetch', fetchMock);
    const { clicks, revoke } = watchSaves();

    await downloadPDF('/api/v1/students/s1/health-summary.pdf', 'health-summary-martinez.pdf');

    const [url, init] = (fetchMock.mock.calls[0] ?? []) as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/students/s1/health-summary.pdf');
    expect(url).not.toContain('token');
    expect(init.method).toBe('GET');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer token-1');

    expect(clicks).toHaveLength(1);
    expect(clicks[0]?.download).toBe('health-summary-martinez.pdf');
    expect(clicks[0]?.inDocument).toBe(true);
    expect(await clicks[0]?.blob?.text()).toBe(PDF_BYTES);
    // The temporary link is gone, and its URL is released once the browser has the file.
    expect(document.querySelector('a[download]')).toBeNull();
    expect(revoke).not.toHaveBeenCalled();
    vi.advanceTimersByTime(REVOKE_OBJECT_URL_AFTER_MS);
    expect(revoke).toHaveBeenCalledExactlyOnceWith('blob:test/1');
  });

  it('POSTs a JSON body and builds the query string without empty values', async () => {
    startSession({ token: 'token-1', idleLogoutMinutes: 15 });
    const fetchMock = vi.fn(async () => pdfResponse());
    vi.stubGlobal('fetch', fetchMock);
    const { clicks } = watchSaves();
    const report = { title: 'Flu clinic', tables: [{ title: 'Doses', columns: ['Name'], rows: [['A']] }] };

    await downloadPDF('/api/v1/reports/custom.pdf', 'flu-clinic.pdf', {
      method: 'POST',
      body: report,
      query: { draft: true, studentId: '' },
    });

    const [url, init] = (fetchMock.mock.calls[0] ?? []) as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/reports/custom.pdf?draft=true');
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual(report);
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
    expect(clicks.map((click) => click.download)).toEqual(['flu-clinic.pdf']);
  });

  it("throws an ApiError with the server's message and saves nothing", async () => {
    startSession({ token: 'token-1', idleLogoutMinutes: 15 });
    stubFetch({
      'GET /api/v1/reports/medication-log.pdf': () =>
        boom(413, 'Payload Too Large', 'Too many doses for one PDF: queue the report instead'),
    });
    const { clicks } = watchSaves();

    await expect(
      downloadPDF('/api/v1/reports/medication-log.pdf', 'log.pdf', { query: { from: '2026-01-01' } }),
    ).rejects.toMatchObject({
      name: 'ApiError',
      status: 413,
      message: 'Too many doses for one PDF: queue the report instead',
    });
    expect(clicks).toEqual([]);
  });

  it('refuses an answer that is not a PDF', async () => {
    stubFetch({ 'GET /api/v1/reports/immunization-compliance.pdf': () => ({ body: { ok: true } }) });
    const { clicks } = watchSaves();

    await expect(
      downloadPDF('/api/v1/reports/immunization-compliance.pdf', 'compliance.pdf'),
    ).rejects.toMatchObject({
      name: 'ApiError',
      message: 'The server did not send a PDF. Try again in a moment.',
    });
    expect(clicks).toEqual([]);
  });

  it('turns a network failure into ApiError status 0', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    await expect(downloadPDF('/api/v1/reports/x.pdf', 'x.pdf')).rejects.toMatchObject({ status: 0 });
  });
});

describe('pdfFilename', () => {
  it('joins words into a lower-case name safe on every OS, without accents', () => {
    expect(pdfFilename('health-summary', "O'Brien")).toBe('health-summary-o-brien.pdf');
    expect(pdfFilename('health-summary', 'Núñez Peña')).toBe('health-summary-nunez-pena.pdf');
    expect(pdfFilename('health-summary', '王')).toBe('health-summary-王.pdf');
    expect(pdfFilename('medication-log', '2026-01-01', 'to', '2026-01-31')).toBe(
      'medication-log-2026-01-01-to-2026-01-31.pdf',
    );
    expect(pdfFilename('../..')).toBe('report.pdf');
  });
});
