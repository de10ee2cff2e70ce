import { env } from '@/config/env';
import { getSession } from '@/services/session/sessionStore';
import { ApiError, apiErrorFromResponse } from './ApiError';

export type QueryValue = string | number | boolean | null | undefined;

export interface ApiRequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /**
   * Overrides the session token. `null` sends no Authorization header (login); a string
   * revokes a session that has already been cleared locally (logout). Either way a 401 then
   * says nothing about the current session, so listeners are not told.
   */
  token?: string | null;
}

const unauthorizedListeners = new Set<() => void>();

/** The app layer listens here to return to the login page; this module never navigates. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => {
    unauthorizedListeners.delete(listener);
  };
}

function buildUrl(path: string, query: ApiRequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${env.apiBaseUrl}${path}${search ? `?${search}` : ''}`;
}

/**
 * Sends one request with the session's bearer token (in the header only: a URL ends up in
 * history, logs and Referer headers) and answers the raw Response when it is ok. A failure
 * becomes an ApiError with the server's message; a 401 on the current session tells the
 * app layer, which returns to the login page.
 */
export async function sendApiRequest(
  path: string,
  options: ApiRequestOptions = {},
  accept = 'application/json',
): Promise<Response> {
  const usesSession = options.token === undefined;
  const token = usesSession ? getSession().token : options.token;
  const headers: Record<string, string> = { Accept: accept };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      credentials: 'same-origin',
    });
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    throw new ApiError(0, 'The server could not be reached. Check the connection and try again.');
  }

  if (!response.ok) {
    const error = await apiErrorFromResponse(response);
    if (response.status === 401 && usesSession && token) {
      unauthorizedListeners.forEach((listener) => listener());
    }
    throw error;
  }
  return response;
}

export async function apiRequest<T>(path: string, options: ApiRequestOptions = {}): Promise<T> {
  const response = await sendApiRequest(path, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
