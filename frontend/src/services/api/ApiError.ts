/**
 * The one error type the API client throws, so screens can show the server's message
 * (Boom body `{ statusCode, error, message }`) without knowing about fetch or JSON.
 * status 0 means the server could not be reached at all.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly error: string;

  constructor(status: number, message: string, error = '') {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.error = error;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

interface BoomBody {
  statusCode?: unknown;
  error?: unknown;
  message?: unknown;
}

/** Reads a failed response; never surfaces a raw body (it may be an HTML proxy page). */
export async function apiErrorFromResponse(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as BoomBody | null;
  const error = typeof body?.error === 'string' ? body.error : response.statusText;
  const message =
    typeof body?.message === 'string' && body.message.trim() !== ''
      ? body.message
      : `The server answered ${response.status}${error ? ` ${error}` : ''}.`;
  return new ApiError(response.status, message, error);
}
