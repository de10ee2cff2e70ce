/**
 * One onPreResponse mapper: AppError, Sequelize and Joi errors become Boom answers with a
 * message that says what was wrong; anything unexpected is logged (without its message,
 * which may carry data) and answered with a bare 500.
 */
import Boom from '@hapi/boom';
import type { Plugin, Request, ResponseToolkit } from '@hapi/hapi';
import {
  BaseError,
  ConnectionError,
  DatabaseError,
  ForeignKeyConstraintError,
  UniqueConstraintError,
  ValidationError,
} from 'sequelize';
import { AppError } from './AppError.js';

/** PostgreSQL error classes caused by the caller's input rather than by us. */
const INPUT_SQLSTATES: Record<string, string> = {
  '22P02': 'A value has an invalid format',
  '22007': 'A date or time is invalid',
  '22008': 'A date or time is out of range',
  // A date before 4713 BC reaches PostgreSQL as a time zone it cannot read (bad-input drill).
  '22009': 'A date or time is out of range',
  '22001': 'A value is too long',
  // A NUL character in a list of strings (Sequelize escapes it only in plain strings).
  '22021': 'A value contains a character that is not allowed',
  '22003': 'A number is out of range',
  '23514': 'A value is not allowed',
  '23502': 'A required value is missing',
};

/**
 * SQLSTATEs meaning "the database cannot serve right now" (connection lost, shutting down or
 * starting, out of connections): the request was fine and may succeed in a moment.
 */
const UNAVAILABLE_SQLSTATE = /^(08|57P0[1-3]$|53300$)/;
const DATABASE_RETRY_AFTER_SECONDS = '5';

function isDatabaseUnavailable(error: BaseError): boolean {
  if (error instanceof ConnectionError) return true;
  if (!(error instanceof DatabaseError)) return false;
  const original = error.original as { code?: string; message?: string } | undefined;
  if (original?.code) return UNAVAILABLE_SQLSTATE.test(original.code);
  // pg reports a connection that died mid-query without a SQLSTATE.
  return /Connection terminated|ECONNRESET|ECONNREFUSED/.test(original?.message ?? '');
}

function fromSequelize(error: BaseError): Boom.Boom | undefined {
  if (isDatabaseUnavailable(error)) {
    const boom = Boom.serverUnavailable('The database is unavailable; try again in a few seconds');
    boom.output.headers['Retry-After'] = DATABASE_RETRY_AFTER_SECONDS;
    return boom;
  }
  if (error instanceof UniqueConstraintError) {
    const fields = Object.keys(error.fields ?? {}).filter((f) => f !== 'organization_id');
    return Boom.conflict(
      fields.length > 0
        ? `A record with this ${fields.join(', ')} already exists`
        : 'This record already exists',
    );
  }
  if (error instanceof ForeignKeyConstraintError)
    return Boom.badRequest('A referenced record does not exist');
  if (error instanceof ValidationError) {
    return Boom.badRequest(error.errors.map((e) => `${e.path ?? 'value'} is invalid`).join('; '));
  }
  if (error instanceof DatabaseError) {
    const code = (error.original as { code?: string } | undefined)?.code;
    const message = code ? INPUT_SQLSTATES[code] : undefined;
    if (message) return Boom.badRequest(message);
  }
  return undefined;
}

function fromAppError(error: AppError): Boom.Boom {
  const boom = new Boom.Boom(error.message, { statusCode: error.statusCode });
  if (error.retryAfterSeconds !== undefined) {
    boom.output.headers['Retry-After'] = String(Math.max(1, Math.ceil(error.retryAfterSeconds)));
  }
  return boom;
}

/**
 * Logs an unexpected error by name, code and the one source line that threw: its message may
 * hold data, and a whole stack trace does not belong in logs (Sentry, when set, gets the frames).
 */
function logUnexpected(request: Request, error: Error): void {
  const thrownAt = /\(?([^\s()]+:\d+:\d+)\)?\s*$/.exec((error.stack ?? '').split('\n')[1] ?? '')?.[1];
  const code =
    (error as { code?: string }).code ?? (error as { original?: { code?: string } }).original?.code;
  request.logger.error({ err: { type: error.name, code, thrownAt } }, 'unexpected error');
}

function mapError(request: Request, h: ResponseToolkit) {
  const response = request.response;
  if (!Boom.isBoom(response)) return h.continue;
  if (response instanceof AppError) return fromAppError(response);
  if (response instanceof BaseError) {
    const mapped = fromSequelize(response);
    if (mapped?.output.statusCode === 503)
      request.logger.warn({ err: { type: response.name } }, 'database unavailable');
    if (mapped) return mapped;
  }
  if (response.output.statusCode >= 500) {
    logUnexpected(request, response);
    // Optional: absent on a server assembled without it (tests of single plugins).
    request.server.app.errorReporter?.report(response);
    return Boom.boomify(new Error('An internal server error occurred'), {
      statusCode: response.output.statusCode === 503 ? 503 : 500,
    });
  }
  return h.continue;
}

export const errorsPlugin: Plugin<void> = {
  name: 'errors',
  register(server) {
    server.ext('onPreResponse', mapError);
  },
};
