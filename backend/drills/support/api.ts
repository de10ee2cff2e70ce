/** The app's JSON API as an admin's browser calls it, for drills that read state over HTTP. */
import { authorized } from './session.js';

const REQUEST_TIMEOUT_MS = 10_000;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    what: string,
  ) {
    super(`${what} answered ${status}`);
  }
}

export async function apiGet<T>(url: string, path: string, token: string): Promise<T> {
  const response = await fetch(`${url}${path}`, {
    headers: authorized(token),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  if (!response.ok) throw new ApiError(response.status, `GET ${path}`);
  return (await response.json()) as T;
}

export async function apiSend<T>(
  url: string,
  method: 'POST' | 'PATCH',
  path: string,
  token: string,
  body: unknown,
): Promise<T> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: authorized(token, { 'content-type': 'application/json' }),
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  if (!response.ok) throw new ApiError(response.status, `${method} ${path}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** Every page of a `{ data, total }` list (`pageSize` 100, the most the API gives at once). */
export async function apiGetAll<T>(url: string, path: string, token: string): Promise<T[]> {
  const all: T[] = [];
  const separator = path.includes('?') ? '&' : '?';
  for (let page = 1; ; page += 1) {
    const { data, total } = await apiGet<{ data: T[]; total: number }>(
      url,
      `${path}${separator}page=${page}&pageSize=100`,
      token,
    );
    all.push(...data);
    if (data.length === 0 || all.length >= total) return all;
  }
}
