import { QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { boom, stubFetch } from '@/testing/fetchStub';
import { createTestQueryClient } from '@/testing/render';
import { getSession, startSession } from '@/services/session/sessionStore';
import { useIdleLogout } from './useIdleLogout';

const MINUTE = 60_000;

function setup() {
  const fetchMock = stubFetch({ 'POST /api/v1/auth/logout': () => ({ status: 204 }) });
  const queryClient = createTestQueryClient();
  queryClient.setQueryData(['students', 'list', { search: '' }], { data: [{ firstName: 'Ava' }] });
  queryClient.setQueryData(['auth', 'me'], { name: 'Pat Nurse' });
  startSession({ token: 'token-1', idleLogoutMinutes: 15 });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  renderHook(() => useIdleLogout(), { wrapper });
  return { fetchMock, queryClient };
}

describe('useIdleLogout', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps the session while the user is active', () => {
    const { queryClient } = setup();

    act(() => vi.advanceTimersByTime(14 * MINUTE));
    fireEvent.keyDown(document.body, { key: 'a' });
    act(() => vi.advanceTimersByTime(14 * MINUTE));
    fireEvent.pointerMove(window);
    act(() => vi.advanceTimersByTime(14 * MINUTE));

    expect(getSession().token).toBe('token-1');
    expect(queryClient.getQueryCache().getAll()).toHaveLength(2);
  });

  it('clears the cache, the session and sessionStorage after the idle limit', () => {
    const { fetchMock, queryClient } = setup();
    fireEvent.scroll(window);

    act(() => vi.advanceTimersByTime(15 * MINUTE - 1));
    expect(getSession().token).toBe('token-1');

    act(() => vi.advanceTimersByTime(1));

    expect(queryClient.getQueryCache().getAll()).toHaveLength(0);
    expect(getSession()).toMatchObject({
      token: null,
      notice: 'You were signed out after 15 minutes without activity.',
    });
    expect(sessionStorage.length).toBe(0);
    // The server is told, with the token captured before it was cleared.
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(String(url)).toBe('/api/v1/auth/logout');
    expect((init?.headers as Record<string, string>).Authorization).toBe('Bearer token-1');
  });

  it('still clears everything when the logout request fails', async () => {
    const { queryClient } = setup();
    stubFetch({ 'POST /api/v1/auth/logout': () => boom(503, 'Service Unavailable', 'down') });

    await act(async () => vi.advanceTimersByTimeAsync(15 * MINUTE));

    expect(getSession().token).toBeNull();
    expect(queryClient.getQueryCache().getAll()).toHaveLength(0);
  });
});
