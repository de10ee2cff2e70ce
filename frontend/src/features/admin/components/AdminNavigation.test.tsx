import { screen, within } from '@testing-library/react';
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
    'GET /api/v1/admin/users': () => ({
      body: {
        data: [
          {
            id: 'u1',
            email: 'pat@example.org',
            name: 'Pat Garcia',
            role: 'ADMIN',
            organizationId: 'o1',
            isActive: true,
            lastLoginAt: null,
            createdAt: '2026-01-05T09:00:00Z',
          },
        ],
      },
    }),
    'GET /api/v1/admin/audit-log': () => ({ body: { data: [], page: 1, pageSize: 50, total: 0 } }),
  });
  startSession({ token: 'token-1', idleLogoutMinutes: 15 });
}

const navLinks = () =>
  within(screen.getByRole('navigation', { name: 'Main' }))
    .getAllByRole('link')
    .map((link) => link.textContent);

describe('the admin pages in the main navigation', () => {
  it('groups Users, Audit log, Jobs and Integrations for a district admin', async () => {
    signedIn('ADMIN');
    renderApp('/alerts');
    await screen.findByRole('link', { name: 'Users' });
    const links = navLinks();
    const users = links.indexOf('Users');
    expect(links.slice(users, users + 4)).toEqual(['Users', 'Audit log', 'Jobs', 'Integrations']);
    expect(links).toContain('Immunizations');
  });

  it('opens the Users page, where the admin’s own row is marked and locked', async () => {
    signedIn('ADMIN');
    renderApp('/alerts');
    await userEvent.click(await screen.findByRole('link', { name: 'Users' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Users' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Users' })).toHaveAttribute('aria-current', 'page');
    const me = await screen.findByRole('row', { name: /Pat Garcia/ });
    expect(me).toHaveTextContent('(you)');
    expect(within(me).queryByRole('button', { name: /Deactivate/ })).toBeNull();
  });

  it('opens the Audit log page', async () => {
    signedIn('ADMIN');
    renderApp('/alerts');
    await userEvent.click(await screen.findByRole('link', { name: 'Audit log' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Audit log' })).toBeInTheDocument();
    expect(await screen.findByText('The audit log is empty.')).toBeInTheDocument();
  });

  it.each(['NURSE', 'VIEWER'])('shows a %s Immunizations but no admin pages', async (role) => {
    signedIn(role);
    renderApp('/alerts');
    expect(await screen.findByRole('link', { name: 'Immunizations' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Users' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Audit log' })).toBeNull();
  });
});
