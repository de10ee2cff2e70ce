import { describe, expect, it, vi } from 'vitest';
import { boom, stubFetch } from '@/testing/fetchStub';
import { startSession } from '@/services/session/sessionStore';
import { ApiError, apiErrorFromResponse } from './ApiError';
import { apiRequest, onUnauthorized } from './apiClient';

describe('apiErrorFromResponse', () => {
  it('reads status, error and message from a Boom body', async () => {
    const response = new Response(
      JSON.stringify({ statusCode: 429, error: 'Too Many Requests', message: 'Try again in 15 minutes' }),
      { status: 429, statusText: 'Too Many Requests' },
    );
    const error = await apiErrorFromResponse(response);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 429,
      error: 'Too Many Requests',
      message: 'Try again in 15 minutes',
    });
  });

  it('never shows a body that is not JSON', async () => {
    const response = new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' });
    const error = await apiErrorFromResponse(response);
    expect(error.status).toBe(502);
    expect(error.message).toBe('The server answered 502 Bad Gateway.');
  });
});

describe('apiRequest', () => {
  it('sends the session token and builds the query string without empty values', async () => {
    startSession({ token: 'token-1', idleLogoutMinutes: 15 });
    const fetchMock = stubFetch({ 'GET /api/v1/students': () => ({ body: { data: [] } }) });

    await apiRequest('/api/v1/students', { query: { search: 'ava', grade: '', page: 2 } });

    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(String(url)).toBe('/api/v1/students?search=ava&page=2');
    expect((init?.headers as Record<string, string>).Authorization).toBe('Bearer token-1');
  });

  it('throws an ApiError with the server message and tells listeners about a lost session', async () => {
    startSession({ token: 'expired', idleLogoutMinutes: 15 });
    stubFetch({ 'GET /api/v1/auth/me': () => boom(401, 'Unauthorized', 'Session expired') });
    const listener = vi.fn();
    const stop = onUnauthorized(listener);

    await expect(apiRequest('/api/v1/auth/me')).rejects.toMatchObject({
      name: 'ApiError',
      status: 401,
      message: 'Session expired',
    });
    expect(listener).toHaveBeenCalledOnce();
    stop();
  });

  it('does not treat a failed login (no session token sent) as a lost session', async () => {
    stubFetch({ 'POST /api/v1/auth/login': () => boom(401, 'Unauthorized', 'Invalid email or password') });
    const listener = vi.fn();
    const stop = onUnauthorized(listener);

    await expect(
      apiRequest('/api/v1/auth/login', { method: 'POST', body: {}, token: null }),
    ).rejects.toMatchObject({ status: 401, message: 'Invalid email or password' });
    expect(listener).not.toHaveBeenCalled();
    stop();
  });

  it('turns a network failure into ApiError status 0', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    await expect(apiRequest('/api/v1/students')).rejects.toMatchObject({ status: 0 });
  });

  it('answers undefined for 204 No Content', async () => {
    stubFetch({ 'POST /api/v1/auth/logout': () => ({ status: 204 }) });
    await expect(apiRequest('/api/v1/auth/logout', { method: 'POST', token: 't' })).resolves.toBeUndefined();
  });
});
