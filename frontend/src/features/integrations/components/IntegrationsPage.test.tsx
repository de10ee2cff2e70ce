import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { socketClient } from '@/services/websocket/socketClient';
import { boom, stubFetch, type StubResponse } from '@/testing/fetchStub';
import { renderWithQueryClient } from '@/testing/render';
import { fakeSockets } from '@/testing/socketClientMock';
import { INTEGRATIONS_REFRESH_MS } from '../api/getIntegrations';
import { SIS_RUNS_POLL_MS } from '../api/getSisRuns';
import type { IntegrationStatus, SisRun } from '../types';
import { IntegrationsPage } from './IntegrationsPage';

const integration = (name: string, overrides: Partial<IntegrationStatus> = {}): IntegrationStatus => ({
  name,
  state: 'closed',
  failures: 0,
  successes: 0,
  rejects: 0,
  lastFailureAt: null,
  openedAt: null,
  nextAttemptAt: null,
  ...overrides,
});

const run = (id: string, overrides: Partial<SisRun> = {}): SisRun => ({
  id,
  status: 'succeeded',
  mode: 'delta',
  startedAt: '2026-03-02T02:00:00.000Z',
  finishedAt: '2026-03-02T02:01:30.000Z',
  created: 4,
  updated: 12,
  deactivated: 1,
  unchanged: 380,
  skipped: 0,
  error: null,
  ...overrides,
});

const SYNC = 'POST /api/v1/admin/integrations/sis/sync';

function stubApi({
  integrations = () => [integration('sis')],
  runs = () => [],
  sync = () => ({ status: 202, body: { jobId: 'job-7' } }),
}: {
  integrations?: () => IntegrationStatus[];
  runs?: () => SisRun[];
  sync?: () => StubResponse | Promise<StubResponse>;
} = {}) {
  return stubFetch({
    'GET /api/v1/admin/integrations': () => ({ body: { data: integrations() } }),
    'GET /api/v1/admin/integrations/sis/runs': () => ({ body: { data: runs() } }),
    [SYNC]: sync,
  });
}

function liveSocket() {
  socketClient.connect('token-1');
  const socket = fakeSockets.latest();
  act(() => socket.serverConnect());
  return socket;
}

const syncCard = () => screen.getByRole('region', { name: 'Roster sync' });

/** The page, once the roster card is shown (it waits for the circuit states). */
async function renderPage() {
  const view = renderWithQueryClient(<IntegrationsPage />);
  await screen.findByRole('region', { name: 'Roster sync' });
  return view;
}
const runsCalls = (fetchMock: ReturnType<typeof stubFetch>) =>
  fetchMock.mock.calls.filter(([url]) => String(url) === '/api/v1/admin/integrations/sis/runs').length;

afterEach(() => {
  vi.useRealTimers();
});

describe('IntegrationsPage: circuits', () => {
  it("shows each integration's circuit state in words, its failures and its last failure", async () => {
    stubApi({
      integrations: () => [
        integration('sis'),
        integration('medicaid', {
          state: 'open',
          failures: 7,
          lastFailureAt: '2026-03-02T10:15:00.000Z',
          nextAttemptAt: '2026-03-02T10:15:30.000Z',
        }),
        integration('state-registry', { state: 'half-open', failures: 5 }),
      ],
    });
    renderWithQueryClient(<IntegrationsPage />);

    expect(screen.getByRole('heading', { level: 1, name: 'Integrations' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Outside systems and their circuit state' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Integration', 'Circuit', 'Failures', 'Last failure']);

    const sis = within(table).getByRole('row', { name: /Student information system/ });
    expect(
      within(sis)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['Closed (requests go through)', '0', 'None']);

    const medicaid = within(table).getByRole('row', { name: /Medicaid eligibility/ });
    const [circuit, failures, lastFailure] = within(medicaid).getAllByRole('cell');
    expect(circuit).toHaveTextContent(/^Open \(failing fast after repeated failures; next try .+\)$/);
    expect(failures).toHaveTextContent('7');
    expect(lastFailure).toHaveTextContent(/2026/);

    const registry = within(table).getByRole('row', { name: /State immunization registry/ });
    expect(within(registry).getAllByRole('cell')[0]).toHaveTextContent('Half-open (trying one request)');
  });

  it('refreshes the circuit states every 10 seconds', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let state: IntegrationStatus['state'] = 'closed';
    const fetchMock = stubApi({ integrations: () => [integration('medicaid', { state })] });
    renderWithQueryClient(<IntegrationsPage />);
    const row = await screen.findByRole('row', { name: /Medicaid/ });
    expect(within(row).getAllByRole('cell')[0]).toHaveTextContent(/^Closed/);

    state = 'open';
    await act(() => vi.advanceTimersByTimeAsync(INTEGRATIONS_REFRESH_MS));

    await vi.waitFor(() =>
      expect(within(screen.getByRole('row', { name: /Medicaid/ })).getAllByRole('cell')[0]).toHaveTextContent(
        /^Open/,
      ),
    );
    const statusCalls = fetchMock.mock.calls.filter(
      ([url]) => String(url) === '/api/v1/admin/integrations',
    ).length;
    expect(statusCalls).toBeGreaterThanOrEqual(2);
  });

  it('tells anyone but an admin that integration status is not for them', async () => {
    stubFetch({ 'GET /api/v1/admin/integrations': () => boom(403, 'Forbidden', 'Insufficient scope') });
    renderWithQueryClient(<IntegrationsPage />);

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Integration status is for district admins only.',
    );
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sync now' })).toBeNull();
  });
});

describe('IntegrationsPage: roster sync', () => {
  it('shows the last run: its status, mode, counts and error', async () => {
    stubApi({
      runs: () => [
        run('run-2', { status: 'failed', mode: 'full', error: 'sis rejected the request (status 401)' }),
        run('run-1'),
      ],
    });
    await renderPage();

    const facts = await within(syncCard()).findByLabelText('Last sync');
    const pairs = Object.fromEntries(
      within(facts)
        .getAllByRole('term')
        .map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]),
    );
    expect(pairs).toMatchObject({
      Status: 'Failed',
      Mode: 'Full roster',
      Created: '4',
      Updated: '12',
      Deactivated: '1',
      Unchanged: '380',
      Skipped: '0',
      Error: 'sis rejected the request (status 401)',
    });
  });

  it('says when no sync has run yet', async () => {
    stubApi({ runs: () => [] });
    await renderPage();
    expect(await within(syncCard()).findByText('No sync has run yet.')).toBeInTheDocument();
  });

  it('starts a sync and follows its progress live to the end, ignoring other jobs', async () => {
    let runs = [run('run-1')];
    const fetchMock = stubApi({ runs: () => runs });
    const socket = liveSocket();
    await renderPage();
    await within(syncCard()).findByLabelText('Last sync');

    await userEvent.click(within(syncCard()).getByLabelText(/^Full sync/));
    await userEvent.click(within(syncCard()).getByRole('button', { name: 'Sync now' }));

    expect(await within(syncCard()).findByText('Sync queued, waiting for a worker…')).toBeInTheDocument();
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(String(post?.[0])).toBe('/api/v1/admin/integrations/sis/sync');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ mode: 'full' });
    expect(within(syncCard()).getByRole('button', { name: 'Sync now' })).toBeDisabled();

    act(() =>
      socket.serverEmit('job:progress', {
        jobId: 'job-7',
        type: 'sis-sync',
        progress: { page: 2, processed: 200 },
      }),
    );
    const line = await within(syncCard()).findByText('Syncing: page 2, 200 records processed…');
    expect(line).toHaveAttribute('aria-live', 'polite');

    // Another job's events (a report, someone else's sync) do not move this line.
    act(() => {
      socket.serverEmit('job:progress', {
        jobId: 'job-8',
        type: 'sis-sync',
        progress: { page: 9, processed: 900 },
      });
      socket.serverEmit('job:progress', { jobId: 'job-7', type: 'report-generation', progress: 50 });
    });
    expect(line).toHaveTextContent('Syncing: page 2, 200 records processed…');

    runs = [
      run('run-2', { mode: 'full', created: 3, updated: 1, deactivated: 2, unchanged: 394 }),
      run('run-1'),
    ];
    act(() =>
      socket.serverEmit('job:completed', {
        jobId: 'job-7',
        type: 'sis-sync',
        result: {
          runId: 'run-2',
          mode: 'full',
          created: 3,
          updated: 1,
          deactivated: 2,
          unchanged: 394,
          skipped: 0,
        },
      }),
    );

    expect(line).toHaveTextContent('Sync finished: 3 created, 1 updated, 2 deactivated, 394 unchanged.');
    // The last-run facts are asked for again and show the new run.
    await vi.waitFor(() => {
      const facts = within(syncCard()).getByLabelText('Last sync');
      expect(facts).toHaveTextContent('Full roster');
      expect(facts).toHaveTextContent('394');
    });
    expect(within(syncCard()).getByRole('button', { name: 'Sync now' })).toBeEnabled();
  });

  it('keeps events that arrive before the server has answered the request', async () => {
    let answer: (response: StubResponse) => void = () => undefined;
    stubApi({ runs: () => [], sync: () => new Promise<StubResponse>((resolve) => (answer = resolve)) });
    const socket = liveSocket();
    await renderPage();

    await userEvent.click(within(syncCard()).getByRole('button', { name: 'Sync now' }));
    act(() =>
      socket.serverEmit('job:completed', {
        jobId: 'job-7',
        type: 'sis-sync',
        result: { created: 0, updated: 0, deactivated: 0, unchanged: 12, skipped: 0 },
      }),
    );
    act(() => answer({ status: 202, body: { jobId: 'job-7' } }));

    expect(
      await within(syncCard()).findByText(
        'Sync finished: 0 created, 0 updated, 0 deactivated, 12 unchanged.',
      ),
    ).toBeInTheDocument();
  });

  it("shows a failed sync's reason from job:failed", async () => {
    stubApi({ runs: () => [] });
    const socket = liveSocket();
    await renderPage();
    await within(syncCard()).findByText('No sync has run yet.');

    await userEvent.click(within(syncCard()).getByRole('button', { name: 'Sync now' }));
    await within(syncCard()).findByText('Sync queued, waiting for a worker…');
    act(() =>
      socket.serverEmit('job:failed', {
        jobId: 'job-7',
        type: 'sis-sync',
        message: 'A roster sync of this organization is already running',
      }),
    );

    expect(
      await within(syncCard()).findByText(
        'Sync failed: A roster sync of this organization is already running',
      ),
    ).toBeInTheDocument();
  });

  it('follows the sync by polling the runs when there is no live connection', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let runs = [run('run-1')];
    const fetchMock = stubApi({ runs: () => runs });
    await renderPage();
    await within(syncCard()).findByLabelText('Last sync');

    await userEvent.click(within(syncCard()).getByRole('button', { name: 'Sync now' }));
    await within(syncCard()).findByText('Sync queued, waiting for a worker…');
    const callsAfterStart = runsCalls(fetchMock);

    runs = [
      run('run-2', {
        status: 'running',
        finishedAt: null,
        created: 10,
        updated: 5,
        deactivated: 0,
        unchanged: 85,
      }),
      run('run-1'),
    ];
    await act(() => vi.advanceTimersByTimeAsync(SIS_RUNS_POLL_MS));
    expect(await within(syncCard()).findByText('Syncing: 100 records processed…')).toBeInTheDocument();

    runs = [run('run-2', { created: 10, updated: 5, deactivated: 0, unchanged: 185 }), run('run-1')];
    await act(() => vi.advanceTimersByTimeAsync(SIS_RUNS_POLL_MS));
    expect(
      await within(syncCard()).findByText(
        'Sync finished: 10 created, 5 updated, 0 deactivated, 185 unchanged.',
      ),
    ).toBeInTheDocument();
    expect(runsCalls(fetchMock)).toBeGreaterThan(callsAfterStart);

    // Done: no more polling.
    const callsWhenDone = runsCalls(fetchMock);
    await act(() => vi.advanceTimersByTimeAsync(SIS_RUNS_POLL_MS * 3));
    expect(runsCalls(fetchMock)).toBe(callsWhenDone);
  });

  it("shows the server's message when the sync cannot be started", async () => {
    stubApi({ sync: () => boom(503, 'Service Unavailable', 'No student information system is configured') });
    await renderPage();
    await within(syncCard()).findByText('No sync has run yet.');

    await userEvent.click(within(syncCard()).getByRole('button', { name: 'Sync now' }));

    expect(await within(syncCard()).findByRole('alert')).toHaveTextContent(
      'The sync could not be started: No student information system is configured',
    );
    expect(within(syncCard()).getByRole('button', { name: 'Sync now' })).toBeEnabled();
  });
});
