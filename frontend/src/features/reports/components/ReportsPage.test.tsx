import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startSession } from '@/services/session/sessionStore';
import { socketClient } from '@/services/websocket/socketClient';
import { boom, stubFetch, type StubResponse } from '@/testing/fetchStub';
import { renderApp, renderWithQueryClient } from '@/testing/render';
import { fakeSockets } from '@/testing/socketClientMock';
import { REPORT_POLL_MS } from '../api/getReport';
import type { QueuedReport, ReportStatus } from '../types';
import { ReportsPage } from './ReportsPage';

type Handlers = Parameters<typeof stubFetch>[0];

const ava = {
  id: 's1',
  firstName: 'Ava',
  lastName: 'Martinez',
  grade: '5',
  studentNumber: 'S-1',
  dateOfBirth: '2014-03-09',
};

function pdf(): Response {
  return new Response('%PDF-1.7 report', { status: 200, headers: { 'Content-Type': 'application/pdf' } });
}

/**
 * The JSON API through stubFetch, and the PDF endpoints (binary) answered here; `pdfs` lists
 * every PDF request as "METHOD /path?query".
 */
function stubApi(handlers: Handlers, pdfAnswer: (path: string) => Response | StubResponse = pdf) {
  const fetchMock = stubFetch({
    'GET /api/v1/students': () => ({ body: { data: [ava], page: 1, pageSize: 10, total: 1 } }),
    ...handlers,
  });
  const json = fetchMock.getMockImplementation();
  const pdfs: string[] = [];
  fetchMock.mockImplementation(async (input, init = {}) => {
    const url = new URL(String(input), 'http://localhost');
    if (!url.pathname.endsWith('.pdf') && !url.pathname.endsWith('/download')) return json!(input, init);
    pdfs.push(`${init.method ?? 'GET'} ${url.pathname}${url.search}`);
    const answer = pdfAnswer(url.pathname);
    if (answer instanceof Response) return answer;
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  return { fetchMock, pdfs };
}

/** The file names the browser was asked to save. */
function watchSaves() {
  vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:report');
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  const saved: string[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push(this.download);
  });
  return saved;
}

function report(status: ReportStatus, overrides: Partial<QueuedReport> = {}): QueuedReport {
  const done = status === 'completed';
  return {
    id: 'r1',
    reportType: 'medication-log',
    status,
    createdAt: '2026-03-02T10:00:00Z',
    completedAt: done ? '2026-03-02T10:01:00Z' : null,
    expiresAt: done ? '2026-03-09T10:01:00Z' : null,
    downloadUrl: done ? '/api/v1/reports/r1/download' : null,
    filename: 'medication-log-2026-02-01-to-2026-02-28.pdf',
    ...overrides,
  };
}

function setDates(from: string, to: string) {
  fireEvent.change(screen.getByLabelText('From'), { target: { value: from } });
  fireEvent.change(screen.getByLabelText('To'), { target: { value: to } });
}

async function pickAva() {
  await userEvent.type(screen.getByRole('searchbox', { name: 'Find a student' }), 'mart');
  const select = screen.getByRole('combobox', { name: /^Student/ });
  await within(select).findByRole('option', { name: 'Martinez, Ava · Grade 5 · S-1' });
  await userEvent.selectOptions(select, 's1');
}

function liveSocket() {
  socketClient.connect('token-1');
  const socket = fakeSockets.latest();
  act(() => socket.serverConnect());
  return socket;
}

const queuedList = () => screen.getByRole('region', { name: 'Queued this session' });

afterEach(() => {
  vi.useRealTimers();
});

describe('ReportsPage: download now', () => {
  it('downloads a medication log for the chosen dates and student, with the session token', async () => {
    startSession({ token: 'token-1', idleLogoutMinutes: 15 });
    const saved = watchSaves();
    const { fetchMock, pdfs } = stubApi({});
    renderWithQueryClient(<ReportsPage />);

    expect(screen.getByRole('combobox', { name: 'Report' })).toHaveValue('medication-log');
    setDates('2026-02-01', '2026-02-28');
    await pickAva();
    await userEvent.click(screen.getByRole('button', { name: 'Download now' }));

    await vi.waitFor(() => expect(saved).toEqual(['medication-log-martinez-2026-02-01-to-2026-02-28.pdf']));
    expect(pdfs).toEqual([
      'GET /api/v1/reports/medication-log.pdf?from=2026-02-01&to=2026-02-28&studentId=s1',
    ]);
    const search = fetchMock.mock.calls.find(([url]) => String(url).startsWith('/api/v1/students?'));
    expect(String(search?.[0])).toBe('/api/v1/students?search=mart&pageSize=10');
    const call = fetchMock.mock.calls.find(([url]) => String(url).includes('medication-log.pdf'));
    expect((call?.[1]?.headers as Record<string, string>).Authorization).toBe('Bearer token-1');
    expect(screen.getByRole('status')).toHaveTextContent('The PDF is in your downloads.');
  });

  it('shows a wrong date range at once, and sends nothing until it is fixed', async () => {
    const saved = watchSaves();
    const { pdfs } = stubApi({});
    renderWithQueryClient(<ReportsPage />);

    setDates('2026-03-10', '2026-03-01');
    expect(screen.getByText('The last day must be on or after the first day.')).toBeInTheDocument();
    expect(screen.getByLabelText('To')).toHaveAttribute('aria-invalid', 'true');

    setDates('2025-01-01', '2026-01-02');
    expect(
      screen.getByText('A report covers at most 366 days; this range has 367. Shorten it.'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Download now' }));
    await userEvent.click(screen.getByRole('button', { name: 'Queue and notify me' }));
    expect(pdfs).toEqual([]);
    expect(saved).toEqual([]);

    setDates('2025-01-01', '2026-01-01');
    expect(screen.queryByText(/A report covers at most/)).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Download now' }));
    await vi.waitFor(() =>
      expect(pdfs).toEqual(['GET /api/v1/reports/medication-log.pdf?from=2025-01-01&to=2026-01-01']),
    );
  });

  it("shows the server's message when a log is too large to build now", async () => {
    const saved = watchSaves();
    stubApi({}, () =>
      boom(413, 'Payload Too Large', 'This log has 12000 doses: queue the report and you will be notified.'),
    );
    renderWithQueryClient(<ReportsPage />);

    await userEvent.click(screen.getByRole('button', { name: 'Download now' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The report could not be downloaded: This log has 12000 doses: queue the report and you will be notified.',
    );
    expect(saved).toEqual([]);
  });

  it('asks for a student before a health summary, then downloads it named after them', async () => {
    const saved = watchSaves();
    const { pdfs } = stubApi({});
    renderWithQueryClient(<ReportsPage />);

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Report' }), 'student-health-summary');
    expect(screen.queryByLabelText('From')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Download now' }));
    expect(screen.getByText('Choose a student.')).toBeInTheDocument();
    expect(pdfs).toEqual([]);

    await pickAva();
    await userEvent.click(screen.getByRole('button', { name: 'Download now' }));

    await vi.waitFor(() => expect(saved).toEqual(['health-summary-martinez.pdf']));
    expect(pdfs).toEqual(['GET /api/v1/students/s1/health-summary.pdf']);
  });

  it('downloads the immunization compliance report, which takes no filters', async () => {
    const saved = watchSaves();
    const { pdfs } = stubApi({});
    renderWithQueryClient(<ReportsPage />);

    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Report' }),
      'immunization-compliance',
    );
    expect(screen.queryByRole('searchbox')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Download now' }));

    await vi.waitFor(() => expect(pdfs).toEqual(['GET /api/v1/reports/immunization-compliance.pdf']));
    expect(saved[0]).toMatch(/^immunization-compliance-\d{4}-\d{2}-\d{2}\.pdf$/);
  });
});

describe('ReportsPage: queue and notify', () => {
  it('queues a report and follows it live to a Download button', async () => {
    const saved = watchSaves();
    let status: ReportStatus = 'queued';
    const { fetchMock, pdfs } = stubApi({
      'POST /api/v1/reports': () => ({ status: 202, body: { id: 'r1' } }),
      'GET /api/v1/reports/r1': () => ({ body: report(status) }),
    });
    const socket = liveSocket();
    renderWithQueryClient(<ReportsPage />);
    expect(within(queuedList()).getByText(/Nothing queued yet/)).toBeInTheDocument();

    setDates('2026-02-01', '2026-02-28');
    await userEvent.click(screen.getByRole('button', { name: 'Queue and notify me' }));

    const item = await within(queuedList()).findByRole('listitem');
    expect(item).toHaveTextContent('Medication administration log');
    await within(item).findByText('Status: Queued');
    const post = fetchMock.mock.calls.find(
      ([url, init]) => url === '/api/v1/reports' && init?.method === 'POST',
    );
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({
      reportType: 'medication-log',
      parameters: { from: '2026-02-01', to: '2026-02-28' },
    });
    expect(screen.getByRole('status')).toHaveTextContent('Report queued.');

    status = 'running';
    act(() =>
      socket.serverEmit('job:progress', { jobId: 'report-r1', type: 'report-generation', progress: 40 }),
    );
    await within(item).findByText('Status: Being prepared (40%)');

    status = 'completed';
    act(() =>
      socket.serverEmit('job:completed', {
        jobId: 'report-r1',
        type: 'report-generation',
        result: { reportId: 'r1', downloadUrl: '/api/v1/reports/r1/download' },
      }),
    );
    await within(item).findByText(/^Status: Ready until/);
    await userEvent.click(
      within(item).getByRole('button', { name: /^Download Medication administration log/ }),
    );

    await vi.waitFor(() => expect(saved).toEqual(['medication-log-2026-02-01-to-2026-02-28.pdf']));
    expect(pdfs).toEqual(['GET /api/v1/reports/r1/download']);
  });

  it('polls the status when there is no live connection', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let status: ReportStatus = 'queued';
    stubApi({
      'POST /api/v1/reports': () => ({ status: 202, body: { id: 'r1' } }),
      'GET /api/v1/reports/r1': () => ({ body: report(status) }),
    });
    renderWithQueryClient(<ReportsPage />);

    await userEvent.click(screen.getByRole('button', { name: 'Queue and notify me' }));
    const item = await within(queuedList()).findByRole('listitem');
    await within(item).findByText('Status: Queued');

    status = 'completed';
    await act(() => vi.advanceTimersByTimeAsync(REPORT_POLL_MS));

    expect(await within(item).findByRole('button', { name: /^Download/ })).toBeInTheDocument();
  });

  it('says when a queued report failed, and why', async () => {
    let status: ReportStatus = 'queued';
    stubApi({
      'POST /api/v1/reports': () => ({ status: 202, body: { id: 'r1' } }),
      'GET /api/v1/reports/r1': () => ({
        body: report(status, status === 'failed' ? { error: 'No doses were recorded in this range.' } : {}),
      }),
    });
    const socket = liveSocket();
    renderWithQueryClient(<ReportsPage />);
    await userEvent.click(screen.getByRole('button', { name: 'Queue and notify me' }));
    const item = await within(queuedList()).findByRole('listitem');
    await within(item).findByText('Status: Queued');

    status = 'failed';
    act(() =>
      socket.serverEmit('job:failed', { jobId: 'report-r1', type: 'report-generation', message: 'x' }),
    );

    await within(item).findByText('Status: Failed: No doses were recorded in this range.');
    expect(within(item).queryByRole('button')).toBeNull();
  });

  it("shows the server's message when the report cannot be queued", async () => {
    stubApi({ 'POST /api/v1/reports': () => boom(503, 'Service Unavailable', 'Job queues are unavailable') });
    renderWithQueryClient(<ReportsPage />);

    await userEvent.click(screen.getByRole('button', { name: 'Queue and notify me' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The report could not be queued: Job queues are unavailable',
    );
    expect(within(queuedList()).queryByRole('listitem')).toBeNull();
  });
});

describe('Reports in the main navigation', () => {
  const signedIn = (role: string) => {
    stubFetch({
      'GET /api/v1/auth/me': () => ({
        body: { id: 'u1', email: 'pat@example.org', name: 'Pat Garcia', role, organizationId: 'o1' },
      }),
      'GET /api/v1/alerts': () => ({ body: { data: [] } }),
      'GET /api/v1/notifications': () => ({ body: { data: [], unread: 0, page: 1, pageSize: 20, total: 0 } }),
    });
    startSession({ token: 'token-1', idleLogoutMinutes: 15 });
  };

  it.each(['ADMIN', 'NURSE'])('takes a %s to the Reports page', async (role) => {
    signedIn(role);
    const { router } = renderApp('/alerts');

    await userEvent.click(await screen.findByRole('link', { name: 'Reports' }));

    expect(router.state.location.pathname).toBe('/reports');
    expect(await screen.findByRole('heading', { level: 1, name: 'Reports' })).toBeInTheDocument();
  });

  it('has no Reports link for a VIEWER', async () => {
    signedIn('VIEWER');
    renderApp('/alerts');

    expect(await screen.findByRole('link', { name: 'Alerts' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Reports' })).toBeNull();
  });
});
