import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { boom, stubFetch } from '@/testing/fetchStub';
import { renderWithQueryClient } from '@/testing/render';
import { QUEUE_STATS_REFRESH_MS } from '../api/getQueueStats';
import type { QueueSummary } from '../types';
import { JobsPage } from './JobsPage';

const queue = (name: string, overrides: Partial<QueueSummary> = {}): QueueSummary => ({
  name,
  waiting: 0,
  active: 0,
  completed: 0,
  failed: 0,
  delayed: 0,
  paused: false,
  ...overrides,
});

const SESSION = 'POST /api/v1/admin/queue-dashboard/session';

function stubQueues(queues: () => QueueSummary[], overrides: Parameters<typeof stubFetch>[0] = {}) {
  return stubFetch({ 'GET /api/v1/admin/queues': () => ({ body: { data: queues() } }), ...overrides });
}

/** What window.open hands back: the blank tab the page then points at the dashboard. */
function stubNewTab() {
  const tab = { opener: window as unknown, location: { href: '' }, close: vi.fn() };
  const open = vi.spyOn(window, 'open').mockReturnValue(tab as unknown as Window);
  return { tab, open };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('JobsPage', () => {
  it('shows every queue and its counts in a labelled table', async () => {
    stubQueues(() => [
      queue('medication-reminder', { waiting: 3, active: 1, completed: 120, failed: 2, delayed: 4 }),
      queue('report-generation', { paused: true }),
    ]);
    renderWithQueryClient(<JobsPage />);

    expect(screen.getByRole('status')).toHaveTextContent('Loading job queues');
    const table = await screen.findByRole('table', { name: 'Job queues' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Queue', 'Waiting', 'Active', 'Completed', 'Failed', 'Delayed', 'Paused']);
    const reminders = within(table).getByRole('row', { name: /medication-reminder/ });
    expect(within(reminders).getByRole('rowheader')).toHaveTextContent('medication-reminder');
    expect(
      within(reminders)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['3', '1', '120', '2', '4', 'No']);
    const reports = within(table).getByRole('row', { name: /report-generation/ });
    expect(within(reports).getAllByRole('cell').at(-1)).toHaveTextContent('Yes');
  });

  it('refreshes the counts while the page is open', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let waiting = 3;
    const fetchMock = stubQueues(() => [queue('data-export', { waiting })]);
    renderWithQueryClient(<JobsPage />);
    const row = await screen.findByRole('row', { name: /data-export/ });
    expect(within(row).getAllByRole('cell')[0]).toHaveTextContent('3');

    waiting = 7;
    await act(() => vi.advanceTimersByTimeAsync(QUEUE_STATS_REFRESH_MS));

    await vi.waitFor(() =>
      expect(
        within(screen.getByRole('row', { name: /data-export/ })).getAllByRole('cell')[0],
      ).toHaveTextContent('7'),
    );
    expect(fetchMock.mock.calls.length).toBeGreaterThanOrEqual(2);
  });

  it('opens the queue dashboard in a new tab once the server has set its cookie', async () => {
    const fetchMock = stubQueues(() => [queue('data-export')], { [SESSION]: () => ({ status: 204 }) });
    const { tab, open } = stubNewTab();
    renderWithQueryClient(<JobsPage />);

    await userEvent.click(await screen.findByRole('button', { name: 'Open queue dashboard' }));

    await vi.waitFor(() => expect(tab.location.href).toBe('/admin/queues'));
    expect(open).toHaveBeenCalledTimes(1);
    expect(tab.opener).toBeNull();
    expect(tab.close).not.toHaveBeenCalled();
    const session = fetchMock.mock.calls.find(
      ([url, init]) => String(url) === '/api/v1/admin/queue-dashboard/session' && init?.method === 'POST',
    );
    expect(session).toBeDefined();
    const status = await screen.findByText(/opened in a new tab/);
    expect(within(status).getByRole('link', { name: 'Open the queue dashboard' })).toHaveAttribute(
      'href',
      '/admin/queues',
    );
  });

  it('closes the blank tab and says why when the server refuses', async () => {
    stubQueues(() => [queue('data-export')], {
      [SESSION]: () => boom(503, 'Service Unavailable', 'Job queues are unavailable'),
    });
    const { tab } = stubNewTab();
    renderWithQueryClient(<JobsPage />);

    await userEvent.click(await screen.findByRole('button', { name: 'Open queue dashboard' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The queue dashboard could not be opened: Job queues are unavailable',
    );
    expect(tab.close).toHaveBeenCalled();
    expect(tab.location.href).toBe('');
  });

  it('tells anyone but an admin that job status is not for them', async () => {
    stubFetch({ 'GET /api/v1/admin/queues': () => boom(403, 'Forbidden', 'Insufficient scope') });
    renderWithQueryClient(<JobsPage />);

    expect(await screen.findByRole('alert')).toHaveTextContent('Job status is for district admins only.');
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Open queue dashboard' })).toBeNull();
  });
});
