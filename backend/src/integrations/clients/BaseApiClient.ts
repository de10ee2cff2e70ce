/**
 * The one way out to an outside system. Every HTTP attempt passes, in order:
 *   circuit check (fail fast while open) -> shared rate limit (bounded wait) -> circuit breaker
 *   -> axios's http transport with a timeout,
 * and axios-retry, wrapped around all of it, repeats transient failures of idempotent requests
 * with exponential backoff, jitter and Retry-After. Each attempt is one log line with the path
 * redacted; errors come out typed (IntegrationUnavailable, IntegrationRejected,
 * IntegrationRateLimited). The SIS, registry and Medicaid clients extend this class.
 */
import axios, {
  AxiosHeaders,
  getAdapter,
  isAxiosError,
  type AxiosAdapter,
  type AxiosInstance,
  type AxiosResponse,
  type InternalAxiosRequestConfig,
  type Method,
} from 'axios';
import axiosRetry from 'axios-retry';
import type { Redis } from 'ioredis';
import { Circuit, type CircuitSnapshot, type CircuitStateName, type CircuitThreshold } from './Circuit.js';
import {
  IntegrationError,
  IntegrationRateLimited,
  IntegrationRejected,
  IntegrationUnavailable,
  type IntegrationResponse,
} from './integrationErrors.js';
import { errorCode, redactPath } from './redaction.js';
import {
  IDEMPOTENCY_KEY_HEADER,
  isTimeout,
  isTransientFailure,
  retryAfterSeconds,
  retryDelay,
  shouldRetry,
} from './retryPolicy.js';
import { SharedRateLimiter, type RateLimitOptions, type RateLimitSnapshot } from './SharedRateLimiter.js';

export type IntegrationLog = (tags: string[], message: string) => void;

export interface BaseApiClientOptions {
  /** Names the API in logs, errors, metrics and the rate limit's Redis key (`sis`, `medicaid`). */
  name: string;
  baseURL: string;
  /** Timeout of each attempt. */
  timeoutMs: number;
  /** Retries after the first attempt (idempotent requests only). */
  retries: number;
  /** First retry delay (doubles per retry, plus jitter); default 200 ms. */
  retryDelayMs?: number;
  circuit: {
    /** A number: consecutive failures. Or a failure rate within a rolling window. */
    failureThreshold: number | CircuitThreshold;
    resetTimeoutMs: number;
  };
  /** `maxWaitMs` also caps the Retry-After we honour: a longer one fails at once. */
  rateLimit: RateLimitOptions;
  /** Counts the rate limit in Redis, shared by every replica; without it, per process only. */
  redis?: Redis;
  log?: IntegrationLog;
  /** Sent with every request (e.g. Accept). */
  headers?: Record<string, string>;
}

export interface ApiRequest {
  method: Method;
  /** Relative to baseURL. */
  url: string;
  params?: Record<string, unknown> | URLSearchParams;
  data?: unknown;
  headers?: Record<string, string>;
  /** Makes a POST/PATCH retryable: the remote must treat a repeat with the same key as one. */
  idempotencyKey?: string;
  responseType?: 'json' | 'text';
  timeoutMs?: number;
  /** Route name for the log line when the path itself could carry data (`GET /patients/{id}`). */
  logAs?: string;
  signal?: AbortSignal;
}

export interface ApiResponse<T> {
  status: number;
  headers: Record<string, string>;
  data: T;
}

export type RequestOptions = Omit<ApiRequest, 'method' | 'url' | 'data'>;

export interface IntegrationStatus extends CircuitSnapshot {
  name: string;
  rateLimit: RateLimitSnapshot;
}

declare module 'axios' {
  interface AxiosRequestConfig {
    /** The log label of a request (see ApiRequest.logAs). */
    integrationLogAs?: string;
  }
}

const DEFAULT_RETRY_DELAY_MS = 200;
const MAX_RESPONSE_BYTES = 20 * 1024 * 1024;

function plainHeaders(headers: AxiosResponse['headers'] | undefined): Record<string, string> {
  if (!headers) return {};
  return AxiosHeaders.from(headers as AxiosHeaders).toJSON(true) as Record<string, string>;
}

function responseOf(error: unknown): IntegrationResponse | undefined {
  if (!isAxiosError(error) || !error.response) return undefined;
  const { status, headers, data } = error.response;
  return { status, headers: plainHeaders(headers), data };
}

export class BaseApiClient {
  readonly name: string;
  protected readonly http: AxiosInstance;
  private readonly circuit: Circuit;
  private readonly limiter: SharedRateLimiter;
  private readonly log: IntegrationLog;

  constructor(options: BaseApiClientOptions) {
    this.name = options.name;
    this.log = options.log ?? (() => undefined);
    const threshold = options.circuit.failureThreshold;
    this.circuit = new Circuit(
      options.name,
      {
        threshold: typeof threshold === 'number' ? { consecutiveFailures: threshold } : threshold,
        resetTimeoutMs: options.circuit.resetTimeoutMs,
      },
      isTransientFailure,
      (state) => this.onCircuitChange(state),
    );
    this.limiter = new SharedRateLimiter(options.name, options.rateLimit, options.redis, this.log);

    const transport = getAdapter('http');
    this.http = axios.create({
      baseURL: options.baseURL,
      timeout: options.timeoutMs,
      headers: options.headers,
      maxContentLength: MAX_RESPONSE_BYTES,
      maxBodyLength: MAX_RESPONSE_BYTES,
      adapter: (config) => this.attempt(config, transport),
    });
    axiosRetry(this.http, {
      retries: options.retries,
      retryCondition: shouldRetry(options.rateLimit.maxWaitMs),
      retryDelay: retryDelay(options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS),
      // Each attempt gets the whole timeout, not what the earlier ones left.
      shouldResetTimeout: true,
    });
  }

  async request<T>(request: ApiRequest): Promise<ApiResponse<T>> {
    const headers = { ...(await this.requestHeaders(request)), ...request.headers };
    if (request.idempotencyKey) headers[IDEMPOTENCY_KEY_HEADER] = request.idempotencyKey;
    try {
      const response = await this.http.request<T>({
        method: request.method,
        url: request.url,
        params: request.params,
        data: request.data,
        headers,
        responseType: request.responseType ?? 'json',
        timeout: request.timeoutMs,
        signal: request.signal,
        integrationLogAs: request.logAs,
      });
      return { status: response.status, headers: plainHeaders(response.headers), data: response.data };
    } catch (error) {
      throw this.toIntegrationError(error);
    }
  }

  async get<T>(url: string, options: RequestOptions = {}): Promise<T> {
    return (await this.request<T>({ ...options, method: 'GET', url })).data;
  }

  async post<T>(url: string, data?: unknown, options: RequestOptions = {}): Promise<T> {
    return (await this.request<T>({ ...options, method: 'POST', url, data })).data;
  }

  async put<T>(url: string, data?: unknown, options: RequestOptions = {}): Promise<T> {
    return (await this.request<T>({ ...options, method: 'PUT', url, data })).data;
  }

  async patch<T>(url: string, data?: unknown, options: RequestOptions = {}): Promise<T> {
    return (await this.request<T>({ ...options, method: 'PATCH', url, data })).data;
  }

  async delete<T>(url: string, options: RequestOptions = {}): Promise<T> {
    return (await this.request<T>({ ...options, method: 'DELETE', url })).data;
  }

  getCircuitStatus(): IntegrationStatus {
    return { name: this.name, ...this.circuit.snapshot(), rateLimit: this.limiter.snapshot() };
  }

  /** Releases the rate limiter's Redis connections; requests still waiting fail. */
  async close(): Promise<void> {
    await this.limiter.close();
  }

  /** Headers a subclass adds to every request (e.g. an OAuth bearer token). */
  protected async requestHeaders(_request: ApiRequest): Promise<Record<string, string>> {
    return {};
  }

  /** One attempt: axios-retry calls the instance again for each retry, so each comes through here. */
  private async attempt(config: InternalAxiosRequestConfig, transport: AxiosAdapter): Promise<AxiosResponse> {
    // While open, fail before taking a rate-limit slot or waiting for one.
    this.circuit.admit();
    const label =
      config.integrationLogAs ??
      `${(config.method ?? 'get').toUpperCase()} ${redactPath(this.http.getUri(config))}`;
    return this.limiter.schedule(async () => {
      const started = Date.now();
      try {
        const response = await this.circuit.run(() => transport(config));
        this.log(
          ['integrations', this.name, 'debug'],
          `${label} -> ${response.status} in ${Date.now() - started} ms`,
        );
        return response;
      } catch (error) {
        const outcome = isAxiosError(error) ? (error.response?.status ?? errorCode(error)) : errorCode(error);
        const level = isTransientFailure(error) ? 'warn' : 'info';
        this.log(['integrations', this.name, level], `${label} -> ${outcome} in ${Date.now() - started} ms`);
        throw error;
      }
    });
  }

  private toIntegrationError(error: unknown): unknown {
    if (error instanceof IntegrationError || !isAxiosError(error)) return error;
    const status = error.response?.status;
    const response = responseOf(error);
    if (status === undefined) {
      if (error.code === 'ERR_CANCELED') return error;
      return new IntegrationUnavailable(this.name, isTimeout(error) ? 'timeout' : 'network');
    }
    const retryAfter = retryAfterSeconds(error);
    if (status === 429) {
      return new IntegrationRateLimited(this.name, 'remote', { retryAfterSeconds: retryAfter, response });
    }
    if (status === 408 || status >= 500) {
      return new IntegrationUnavailable(this.name, 'server-error', {
        upstreamStatus: status,
        retryAfterSeconds: retryAfter,
        response,
      });
    }
    if (status >= 400) return new IntegrationRejected(this.name, status, response);
    return new IntegrationUnavailable(this.name, 'bad-response', { upstreamStatus: status, response });
  }

  private onCircuitChange(state: CircuitStateName): void {
    const level = state === 'open' ? 'warn' : 'info';
    this.log(['integrations', this.name, level], `${this.name} circuit ${state}`);
  }
}
