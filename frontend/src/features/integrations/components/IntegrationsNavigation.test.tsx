import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { startSession } from '@/services/session/sessionStore';
import { stubFetch } from '@/testing/fetchStub';
import { renderApp } from '@/testing/render';

function signedIn(role: string) {
  stubFetch({
    'GET /api/v1/auth/me': () => ({
      body: { id: 'u1', email: 'pat@example.org', name: 'Pat Garcia', role, organizationId: 'o1' },
    }),
    'GET /api/v1/alerts': () => ({ body: { data: [] } }),
    'GET /api/v1/notifications': () => ({ body: { data: [], unread: 0, page: 1, pageSize: 20, total: 0 } }),
    'GET /api/v1/admin/integrations': () => ({
      body: {
        data: [
          {
            name: 'medicaid',
            state: 'closed',
            failures: 0,
            successes: 3,
            rejects: 0,
            lastFailureAt: null,
            openedAt: null,
            nextAttemptAt: null,
          },
        ],
      },
    }),
    'GET /api/v1/admin/integrations/sis/runs': () => ({ body: { data: [] } }),
  });
  startSession({ token: 'token-1', idleLogoutMinutes: 15 });
}

describe('Integrations in the main navigation', () => {
  it('takes a district admin to the Integrations page', async () => {
    signedIn('ADMIN');
    const { router } = renderApp('/alerts');

    await userEvent.click(await screen.findByRole('link', { name: 'Integrations' }));

    expect(router.state.location.pathname).toBe('/integrations');
    expect(await screen.findByRole('heading', { level: 1, name: 'Integrations' })).toBeInTheDocument();
    expect(await screen.findByRole('row', { name: /Medicaid eligibility/ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Integrations' })).toHaveAttribute('aria-current', 'page');
  });

  it.each(['NURSE', 'VIEWER'])('has no Integrations link for a %s', async (role) => {
    signedIn(role);
    renderApp('/alerts');

    expect(await screen.findByRole('link', { name: 'Alerts' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Integrations' })).toBeNull();
  });
});
