import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { stubFetch } from '@/testing/fetchStub';
import { renderApp } from '@/testing/render';
import { startSession } from '@/services/session/sessionStore';

const user = (role: string) => ({
  id: 'u1',
  email: 'pat@example.org',
  name: 'Pat Garcia',
  role,
  organizationId: 'o1',
});

function signedIn(role: string) {
  stubFetch({
    'GET /api/v1/auth/me': () => ({ body: user(role) }),
    'GET /api/v1/alerts': () => ({ body: { data: [] } }),
    'GET /api/v1/notifications': () => ({ body: { data: [], unread: 0, page: 1, pageSize: 20, total: 0 } }),
    'GET /api/v1/admin/queues': () => ({
      body: {
        data: [
          { name: 'data-export', waiting: 1, active: 0, completed: 5, failed: 0, delayed: 0, paused: false },
        ],
      },
    }),
  });
  startSession({ token: 'token-1', idleLogoutMinutes: 15 });
}

describe('main navigation', () => {
  it('shows a district admin the Jobs page', async () => {
    signedIn('ADMIN');
    const { router } = renderApp('/alerts');

    await userEvent.click(await screen.findByRole('link', { name: 'Jobs' }));

    expect(router.state.location.pathname).toBe('/jobs');
    expect(await screen.findByRole('heading', { name: 'Jobs' })).toBeInTheDocument();
    expect(await screen.findByRole('row', { name: /data-export/ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Jobs' })).toHaveAttribute('aria-current', 'page');
  });

  it.each(['NURSE', 'VIEWER'])('has no Jobs link for a %s', async (role) => {
    signedIn(role);
    renderApp('/alerts');

    expect(await screen.findByRole('link', { name: 'Alerts' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Jobs' })).toBeNull();
  });
});
