/**
 * When an outbound request is tried again, and when a failure counts against the circuit.
 *
 * Transient failures (no answer, a timeout, 408, 429, 5xx) count against the circuit and may
 * be retried; any other 4xx is the remote saying "no", which neither trips the circuit nor
 * improves on a second try. A retry is only safe when repeating the request cannot double its
 * effect: GET, HEAD, OPTIONS, PUT and DELETE, or a POST/PATCH that carries an idempotency key.
 */
import { isAxiosError, type AxiosError, type AxiosRequestConfig } from 'axios';
import { isNetworkError, retryAfter } from 'axios-retry';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

const IDEMPOTENT_METHODS = new Set(['get', 'head', 'options', 'put', 'delete']);
const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT']);
/** A remote's share of retry jitter, so that replicas retrying together spread out. */
const JITTER = 0.2;

export function isIdempotent(config: AxiosRequestConfig | undefined): boolean {
  if (!config?.method) return false;
  if (IDEMPOTENT_METHODS.has(config.method.toLowerCase())) return true;
  const headers = config.headers as { get?: (name: string) => unknown } | Record<string, unknown> | undefined;
  const key =
    typeof headers?.get === 'function'
      ? headers.get(IDEMPOTENCY_KEY_HEADER)
      : (headers as Record<string, unknown> | undefined)?.[IDEMPOTENCY_KEY_HEADER];
  return typeof key === 'string' && key.length > 0;
}

export function isTimeout(error: AxiosError): boolean {
  return !error.response && TIMEOUT_CODES.has(error.code ?? '');
}

/** Network errors, timeouts, 408, 429 and 5xx: the remote is struggling, not refusing. */
export function isTransientFailure(error: unknown): error is AxiosError {
  if (!isAxiosError(error)) return false;
  if (error.code === 'ERR_CANCELED') return false;
  const status = error.response?.status;
  if (status === undefined) return true;
  return status === 408 || status === 429 || status >= 500;
}

/**
 * axios-retry's condition: a transient failure of an idempotent request whose Retry-After (if
 * any) is within what we are willing to wait. A longer Retry-After fails at once instead of
 * holding the caller, and the error carries it.
 */
export function shouldRetry(maxRetryAfterMs: number) {
  return (error: AxiosError): boolean => {
    if (!isTransientFailure(error) || !isIdempotent(error.config)) return false;
    if (!error.response && !isTimeout(error) && !isNetworkError(error)) return false;
    return retryAfter(error) <= maxRetryAfterMs;
  };
}

/** Exponential backoff from `baseMs` (base, 2x, 4x, ...), never sooner than Retry-After, plus jitter. */
export function retryDelay(baseMs: number) {
  return (retryNumber: number, error: AxiosError): number => {
    const backoff = baseMs * 2 ** Math.max(0, retryNumber - 1);
    const delay = Math.max(backoff, retryAfter(error));
    return delay + delay * JITTER * Math.random();
  };
}

/** Retry-After of an answer, in whole seconds (for our own 503's Retry-After), if it had one. */
export function retryAfterSeconds(error: AxiosError): number | undefined {
  const ms = retryAfter(error);
  return ms > 0 ? Math.ceil(ms / 1000) : undefined;
}
