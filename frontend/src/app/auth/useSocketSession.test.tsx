import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { boom, stubFetch } from '@/testing/fetchStub';
import { renderApp } from '@/testing/render';
import { fakeSockets } from '@/testing/socketClientMock';
import { getSession, reloadSessionFromStorage, startSession } from '@/services/session/sessionStore';
import { socketClient } from '@/services/websocket/socketClient';

const nurse = {
  id: 'u1',
  email: 'nurse@example.org',
  name: 'Pat Garcia',
  role: 'NURSE',
  organizationId: 'o1',
};

function stubServer(overrides: Parameters<typeof stubFetch>[0] = {}) {
  return stubFetch({
    'POST /api/v1/auth/login': () => ({
      body: { token: 'token-1', expiresAt: '2099-01-01T00:00:00Z', user: nurse },
    }),
    'POST /api/v1/auth/logout': () => ({ status: 204 }),
    'GET /api/v1/auth/me': () => ({ body: nurse }),
    'GET /api/v1/students': () => ({ body: { data: [], page: 1, pageSize: 25, total: 0 } }),
    'GET /api/v1/alerts': () => ({ body: { data: [] } }),
    'GET /api/v1/notifications': () => ({ body: { data: [], unread: 0, page: 1, pageSize: 20, total: 0 } }),
    ...overrides,
  });
}

describe('the live connection follows the session', () => {
  it('connects with the token after login, shows Live, and disconnects on sign-out', async () => {
    stubServer();
    renderApp('/login');
    expect(fakeSockets.sockets).toHaveLength(0);
    await userEvent.type(await screen.findByLabelText('Email'), 'nurse@example.org');
    await userEvent.type(screen.getByLabelText('Password'), 'secret-password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('Pat Garcia')).toBeInTheDocument();
    const socket = fakeSockets.latest();
    expect(socket.auth).toEqual({ token: 'token-1' });
    expect(await screen.findByText('Connecting…')).toBeInTheDocument();
    act(() => socket.serverConnect());
    expect(await screen.findByText('Live')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Notifications (0 unread)' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Log out' }));

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(socketClient.getState()).toBe('DISCONNECTED');
    expect(socket.connected).toBe(false);
    expect(socket.active).toBe(false);
  });

  it('connects again after a reload', async () => {
    stubServer();
    startSession({ token: 'token-7', idleLogoutMinutes: 15 });
    reloadSessionFromStorage();
    renderApp('/students');

    expect(await screen.findByText('Pat Garcia')).toBeInTheDocument();
    expect(fakeSockets.latest().auth).toEqual({ token: 'token-7' });
  });

  it('asks the API after a refused handshake, whose 401 signs out', async () => {
    let meCalls = 0;
    stubServer({
      'GET /api/v1/auth/me': () => {
        meCalls += 1;
        return meCalls === 1 ? { body: nurse } : boom(401, 'Unauthorized', 'Session ended');
      },
    });
    startSession({ token: 'token-1', idleLogoutMinutes: 15 });
    renderApp('/students');
    expect(await screen.findByText('Pat Garcia')).toBeInTheDocument();

    act(() => fakeSockets.latest().connectError('unauthorized'));

    expect(await screen.findByText('Your session has ended. Please sign in again.')).toBeInTheDocument();
    await vi.waitFor(() => expect(getSession().token).toBeNull());
    expect(socketClient.getState()).toBe('DISCONNECTED');
  });
});
