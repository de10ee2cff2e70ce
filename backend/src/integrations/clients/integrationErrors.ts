/**
 * Typed errors of the outbound clients. They extend AppError, so a route that calls an outside
 * system answers 503 (unavailable, with Retry-After when known) or 502 (the system refused the
 * request) through the one error mapper. Messages name the API and the reason, never a URL,
 * an identifier or a body: those can carry a student's data.
 */
import { AppError } from '../../infrastructure/http/AppError.js';

export type UnavailableReason =
  'circuit-open' | 'network' | 'timeout' | 'server-error' | 'bad-response' | 'client-closed';

/** What the outside system answered, for a subclass to read (e.g. a SOAP fault); never logged. */
export interface IntegrationResponse {
  status: number;
  headers: Record<string, string>;
  data: unknown;
}

export abstract class IntegrationError extends AppError {
  /** The client's name (`sis`, `state-registry`, `medicaid`). */
  readonly integration: string;
  declare readonly response: IntegrationResponse | undefined;

  protected constructor(
    statusCode: number,
    integration: string,
    message: string,
    options: { retryAfterSeconds?: number; response?: IntegrationResponse } = {},
  ) {
    super(statusCode, message, { retryAfterSeconds: options.retryAfterSeconds });
    this.integration = integration;
    // Not enumerable: a logger or JSON.stringify that walks the error must not print the body.
    Object.defineProperty(this, 'response', { value: options.response, enumerable: false });
  }
}

/** The system could not be reached or failed: an open circuit, a network error, a timeout, a 5xx. */
export class IntegrationUnavailable extends IntegrationError {
  readonly reason: UnavailableReason;
  readonly upstreamStatus: number | undefined;

  constructor(
    integration: string,
    reason: UnavailableReason,
    options: { upstreamStatus?: number; retryAfterSeconds?: number; response?: IntegrationResponse } = {},
  ) {
    super(
      503,
      integration,
      `${integration} is unavailable (${describe(reason, options.upstreamStatus)})`,
      options,
    );
    this.name = 'IntegrationUnavailable';
    this.reason = reason;
    this.upstreamStatus = options.upstreamStatus;
  }
}

/** The system answered that it will not do this (4xx other than 408/429): retrying will not help. */
export class IntegrationRejected extends IntegrationError {
  readonly upstreamStatus: number;

  constructor(integration: string, upstreamStatus: number, response?: IntegrationResponse) {
    super(502, integration, `${integration} rejected the request (status ${upstreamStatus})`, { response });
    this.name = 'IntegrationRejected';
    this.upstreamStatus = upstreamStatus;
  }
}

/**
 * Too many requests: the system's 429 outlasted our retries or asked for a longer wait than we
 * allow, or our own shared limit had no slot within the bounded wait (`source: 'local'`).
 */
export class IntegrationRateLimited extends IntegrationError {
  readonly source: 'remote' | 'local';

  constructor(
    integration: string,
    source: 'remote' | 'local',
    options: { retryAfterSeconds?: number; response?: IntegrationResponse } = {},
  ) {
    const who =
      source === 'remote' ? `${integration} is rate limiting us` : `${integration} rate limit reached`;
    super(503, integration, `${who}; try again later`, options);
    this.name = 'IntegrationRateLimited';
    this.source = source;
  }
}

function describe(reason: UnavailableReason, status: number | undefined): string {
  switch (reason) {
    case 'circuit-open':
      return 'circuit open after repeated failures';
    case 'network':
      return 'no connection';
    case 'timeout':
      return 'no answer in time';
    case 'server-error':
      return `status ${status ?? 'unknown'}`;
    case 'bad-response':
      return 'unreadable answer';
    case 'client-closed':
      return 'shutting down';
  }
}
