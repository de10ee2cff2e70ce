import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { stubFetch } from '@/testing/fetchStub';
import { renderWithQueryClient } from '@/testing/render';
import { fakeSockets } from '@/testing/socketClientMock';
import { socketClient } from '@/services/websocket/socketClient';
import { NotificationsMenu } from './NotificationsMenu';

const notification = (id: string, title: string) => ({
  id,
  type: 'MEDICATION_DUE',
  title,
  message: `${title} message`,
  createdAt: '2025-01-15T10:00:00Z',
  readAt: null,
});

function setup() {
  const fetchMock = stubFetch({
    'GET /api/v1/notifications': () => ({
      body: {
        data: [notification('n1', 'Dose due'), notification('n2', 'Low stock'), notification('n3', 'Visit')],
        unread: 3,
        page: 1,
        pageSize: 20,
        total: 3,
      },
    }),
    'POST /api/v1/notifications/n2/read': () => ({
      body: { ...notification('n2', 'Low stock'), readAt: 'now' },
    }),
  });
  renderWithQueryClient(<NotificationsMenu />);
  return { fetchMock };
}

describe('NotificationsMenu', () => {
  it('shows the unread count in words and lists the unread notifications', async () => {
    const { fetchMock } = setup();

    const button = await screen.findByRole('button', { name: 'Notifications (3 unread)' });
    const [url] = fetchMock.mock.calls[0] ?? [];
    expect(String(url)).toBe('/api/v1/notifications?unread=true&page=1&pageSize=20');
    expect(button).toHaveAttribute('aria-expanded', 'false');

    await userEvent.click(button);
    const list = screen.getByRole('list', { name: 'Unread notifications' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    expect(list).toHaveTextContent('Low stock message');
  });

  it('marks one read through the API and counts it down', async () => {
    const { fetchMock } = setup();
    await userEvent.click(await screen.findByRole('button', { name: 'Notifications (3 unread)' }));

    await userEvent.click(screen.getByRole('button', { name: 'Mark read Low stock' }));

    expect(await screen.findByRole('button', { name: 'Notifications (2 unread)' })).toBeInTheDocument();
    expect(screen.queryByText('Low stock')).toBeNull();
    expect(
      fetchMock.mock.calls.some(
        ([url, init]) => String(url) === '/api/v1/notifications/n2/read' && init?.method === 'POST',
      ),
    ).toBe(true);
  });

  it('adds a health:notification from the socket at the top', async () => {
    setup();
    await screen.findByRole('button', { name: 'Notifications (3 unread)' });
    socketClient.connect('token-1');
    const socket = fakeSockets.latest();
    socket.serverConnect();

    act(() => socket.serverEmit('health:notification', notification('n9', 'Emergency drill')));
    act(() => socket.serverEmit('health:notification', notification('n9', 'Emergency drill')));

    await userEvent.click(await screen.findByRole('button', { name: 'Notifications (4 unread)' }));
    expect(within(screen.getByRole('list')).getAllByRole('listitem')[0]).toHaveTextContent('Emergency drill');
  });

  it('closes on Escape and returns focus to the button', async () => {
    setup();
    const button = await screen.findByRole('button', { name: 'Notifications (3 unread)' });
    await userEvent.click(button);
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('list')).toBeNull();
    expect(button).toHaveFocus();
  });
});
