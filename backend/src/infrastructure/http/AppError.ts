/**
 * The one domain error. Services throw it with the HTTP status that describes the problem;
 * the message is shown to the caller, so it must never contain health data or internals.
 */
export class AppError extends Error {
  readonly statusCode: number;
  readonly retryAfterSeconds: number | undefined;

  constructor(statusCode: number, message: string, options: { retryAfterSeconds?: number } = {}) {
    super(message);
    this.name = 'AppError';
    this.statusCode = statusCode;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  static badRequest(message: string): AppError {
    return new AppError(400, message);
  }

  static unauthorized(message = 'Authentication required'): AppError {
    return new AppError(401, message);
  }

  static forbidden(message = 'You do not have permission to do this'): AppError {
    return new AppError(403, message);
  }

  /** Also the answer for another organization's record: no hint that it exists. */
  static notFound(entity: string): AppError {
    return new AppError(404, `${entity} not found`);
  }

  static conflict(message: string): AppError {
    return new AppError(409, message);
  }

  static tooManyRequests(message: string, retryAfterSeconds: number): AppError {
    return new AppError(429, message, { retryAfterSeconds });
  }
}
