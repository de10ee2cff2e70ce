import { vi } from 'vitest';

export interface StubResponse {
  status?: number;
  body?: unknown;
}

type Handler = (url: URL, init: RequestInit) => StubResponse | Promise<StubResponse>;

/**
 * Replaces globalThis.fetch for one test (vitest unstubs globals after each test).
 * Handlers are keyed "METHOD /path"; anything else answers 404 so a stray call is visible.
 */
export function stubFetch(handlers: Record<string, Handler>) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const handler = handlers[`${init.method ?? 'GET'} ${url.pathname}`];
    const { status = 200, body } = handler
      ? await handler(url, init)
      : { status: 404, body: { statusCode: 404, error: 'Not Found', message: 'Not Found' } };
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

export function boom(statusCode: number, error: string, message: string): StubResponse {
  return { status: statusCode, body: { statusCode, error, message } };
}
