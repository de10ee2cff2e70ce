import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { boom, stubFetch } from '@/testing/fetchStub';
import { renderApp } from '@/testing/render';
import { getSession, reloadSessionFromStorage, startSession } from '@/services/session/sessionStore';

const nurse = {
  id: 'u1',
  email: 'nurse@example.org',
  name: 'Pat Garcia',
  role: 'NURSE',
  organizationId: 'o1',
};
const studentPage = {
  data: [
    {
      id: 's1',
      firstName: 'Ava',
      lastName: 'Martinez',
      dateOfBirth: '2014-03-09',
      grade: '5',
      studentNumber: 'S-1',
    },
  ],
  page: 1,
  pageSize: 25,
  total: 1,
};

const emptyPage = { data: [], page: 1, pageSize: 25, total: 0 };
/** The dashboard, home after sign-in: one dose due for Ava, every other panel empty. */
const dashboard: Parameters<typeof stubFetch>[0] = {
  'GET /api/v1/medications/due': () => ({
    body: [
      {
        studentId: 's1',
        studentName: 'Ava Martinez',
        prescriptionId: 'p1',
        medication: { id: 'm1', name: 'Ibuprofen', form: 'TABLET', strength: '200 mg' },
        dose: '200 mg',
        route: 'ORAL',
        scheduledFor: new Date().toISOString(),
        status: 'DUE',
      },
    ],
  }),
  'GET /api/v1/alerts': () => ({ body: { data: [] } }),
  'GET /api/v1/appointments': () => ({ body: emptyPage }),
  'GET /api/v1/incidents': () => ({ body: emptyPage }),
  'GET /api/v1/inventory': () => ({ body: emptyPage }),
  'GET /api/v1/immunizations/compliance': () => ({
    body: {
      asOf: '2026-03-02',
      total: 0,
      counts: { COMPLIANT: 0, DUE: 0, OVERDUE: 0, EXEMPT: 0 },
      rates: { COMPLIANT: 0, DUE: 0, OVERDUE: 0, EXEMPT: 0 },
    },
  }),
};

function stubServer(overrides: Parameters<typeof stubFetch>[0] = {}) {
  return stubFetch({
    'POST /api/v1/auth/login': () => ({
      body: { token: 'token-1', expiresAt: '2099-01-01T00:00:00Z', idleLogoutMinutes: 10, user: nurse },
    }),
    'POST /api/v1/auth/logout': () => ({ status: 204 }),
    'GET /api/v1/auth/me': () => ({ body: nurse }),
    'GET /api/v1/students': () => ({ body: studentPage }),
    ...dashboard,
    ...overrides,
  });
}

describe('App routing and session', () => {
  it('sends a visitor without a session to the login page', async () => {
    stubServer();
    const { router } = renderApp('/students');

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
  });

  it('logs in to the dashboard, shows the user, then logs out and forgets everything', async () => {
    const fetchMock = stubServer();
    const { router, queryClient } = renderApp('/');
    await userEvent.type(await screen.findByLabelText('Email'), 'nurse@example.org');
    await userEvent.type(screen.getByLabelText('Password'), 'secret-password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Dashboard' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/dashboard');
    expect(await screen.findByRole('row', { name: /Ava Martinez/ })).toBeInTheDocument();
    expect(screen.getByText('Pat Garcia')).toBeInTheDocument();
    expect(screen.getByText('Nurse')).toBeInTheDocument();
    expect(getSession()).toMatchObject({ token: 'token-1', idleLogoutMinutes: 10 });

    await userEvent.click(screen.getByRole('button', { name: 'Log out' }));

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(screen.queryByText(/Martinez/)).toBeNull();
    expect(queryClient.getQueryCache().getAll()).toHaveLength(0);
    expect(sessionStorage.length).toBe(0);
    await vi.waitFor(() =>
      expect(fetchMock.mock.calls.some(([url]) => String(url) === '/api/v1/auth/logout')).toBe(true),
    );
  });

  it('restores a session after a reload through /auth/me', async () => {
    stubServer();
    startSession({ token: 'token-1', idleLogoutMinutes: 15 });
    reloadSessionFromStorage();
    renderApp('/students');

    expect(await screen.findByText('Pat Garcia')).toBeInTheDocument();
    expect(await screen.findByRole('row', { name: /Ava Martinez/ })).toBeInTheDocument();
  });

  it('returns to login with a notice when the API answers 401', async () => {
    stubServer({ 'GET /api/v1/auth/me': () => boom(401, 'Unauthorized', 'Missing authentication') });
    startSession({ token: 'revoked', idleLogoutMinutes: 15 });
    const { router } = renderApp('/students');

    expect(await screen.findByText('Your session has ended. Please sign in again.')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(getSession().token).toBeNull();
    expect(sessionStorage.length).toBe(0);
  });
});
