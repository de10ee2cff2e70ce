/**
 * The request id: taken from the caller's `X-Request-Id` when it is a plain token (a proxy or
 * another service tracing one call across hops), generated otherwise, and returned on every
 * answer. It becomes hapi's `request.info.id`, which is what each log line of the request carries.
 * Registered before hapi-pino, whose onRequest hook binds the id into the request's logger.
 */
import { randomUUID } from 'node:crypto';
import type { Plugin } from '@hapi/hapi';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Anything else (spaces, newlines, quotes, overlong) could forge or break log lines: replaced. */
const VALID_REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

export function requestIdFrom(header: unknown): string {
  return typeof header === 'string' && VALID_REQUEST_ID.test(header) ? header : randomUUID();
}

export const requestIdPlugin: Plugin<void> = {
  name: 'request-id',
  register(server) {
    server.ext('onRequest', (request, h) => {
      const id = requestIdFrom(request.headers[REQUEST_ID_HEADER]);
      request.info.id = id;
      // On the raw response rather than in onPreResponse: later hooks (the error mapper, the
      // SPA fallback) replace the response object, but hapi keeps headers already set here.
      request.raw.res.setHeader(REQUEST_ID_HEADER, id);
      return h.continue;
    });
  },
};
