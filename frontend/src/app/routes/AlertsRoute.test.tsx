import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { emergencyAlert } from '@/testing/alertFixture';
import { stubFetch } from '@/testing/fetchStub';
import { renderApp } from '@/testing/render';
import { fakeSockets } from '@/testing/socketClientMock';
import { startSession } from '@/services/session/sessionStore';

const user = (role: string) => ({
  id: 'u1',
  email: 'pat@example.org',
  name: 'Pat Garcia',
  role,
  organizationId: 'o1',
});
const mine = { ...emergencyAlert, raisedBy: { userId: 'u1', name: 'Pat Garcia' } };

function setup(role = 'NURSE', openAlerts: unknown[] = []) {
  const fetchMock = stubFetch({
    'GET /api/v1/auth/me': () => ({ body: user(role) }),
    'GET /api/v1/alerts': () => ({ body: { data: openAlerts } }),
    'POST /api/v1/alerts': () => ({ status: 201, body: mine }),
    'GET /api/v1/notifications': () => ({ body: { data: [], unread: 0, page: 1, pageSize: 20, total: 0 } }),
  });
  startSession({ token: 'token-1', idleLogoutMinutes: 15 });
  renderApp('/alerts');
  return { fetchMock };
}

function liveSocket() {
  const socket = fakeSockets.latest();
  act(() => socket.serverConnect());
  return socket;
}

describe('/alerts', () => {
  it('a nurse raises an alert, sees it listed, then who acknowledged it', async () => {
    const { fetchMock } = setup();
    expect(await screen.findByRole('heading', { name: 'Open alerts (0)' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Alerts' })).toHaveAttribute('aria-current', 'page');

    await userEvent.click(screen.getByRole('button', { name: 'Raise an alert' }));
    const form = screen.getByRole('dialog', { name: 'Raise an emergency alert' });
    await userEvent.click(within(form).getByRole('button', { name: 'Send alert' }));
    expect(within(form).getByText('Enter where help is needed.')).toBeInTheDocument();

    await userEvent.selectOptions(within(form).getByLabelText('Type'), 'ALLERGIC_REACTION');
    await userEvent.selectOptions(within(form).getByLabelText('Severity'), 'CRITICAL');
    await userEvent.type(within(form).getByLabelText('Location'), 'Cafeteria');
    await userEvent.type(within(form).getByLabelText('What is happening'), 'Hives, trouble breathing');
    await userEvent.click(within(form).getByRole('button', { name: 'Send alert' }));

    expect(await screen.findByText('Alert sent to everyone in your organization.')).toBeInTheDocument();
    const post = fetchMock.mock.calls.find(
      ([url, init]) => String(url) === '/api/v1/alerts' && init?.method === 'POST',
    );
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({
      type: 'ALLERGIC_REACTION',
      severity: 'CRITICAL',
      location: 'Cafeteria',
      description: 'Hives, trouble breathing',
    });
    const listed = await screen.findByRole('article', { name: /EMERGENCY: Allergic reaction — Cafeteria/ });
    expect(listed).toHaveTextContent('Acknowledged by: no one yet');
    expect(screen.getByRole('heading', { name: 'Open alerts (1)' })).toBeInTheDocument();
    // Our own alert never covers our screen.
    expect(screen.queryByRole('alertdialog')).toBeNull();

    const socket = liveSocket();
    act(() =>
      socket.serverEmit('emergency:alert:acknowledged', {
        alertId: 'a1',
        acknowledgement: { userId: 'u2', userName: 'Sam Chen', acknowledgedAt: '2025-01-15T10:05:00Z' },
      }),
    );
    await vi.waitFor(() => expect(listed).toHaveTextContent(/Acknowledged by: Sam Chen \(.+\)/));
  });

  it('a viewer sees the open alerts but cannot raise one', async () => {
    setup('VIEWER', [mine]);
    expect(await screen.findByRole('heading', { name: 'Open alerts (1)' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Raise an alert' })).toBeNull();
  });

  it('an alert from the socket covers every screen, and the page behind is inert', async () => {
    setup();
    await screen.findByRole('heading', { name: 'Open alerts (0)' });
    const socket = liveSocket();

    act(() => socket.serverEmit('emergency:alert', emergencyAlert));

    const dialog = await screen.findByRole('alertdialog', { name: 'EMERGENCY: Allergic reaction' });
    expect(dialog).toHaveTextContent('Cafeteria');
    expect(document.querySelector('.app-shell')).toHaveAttribute('inert');
    expect(await screen.findByRole('heading', { name: 'Open alerts (1)' })).toBeInTheDocument();
  });
});
