/**
 * hapi-pino options: JSON logs with the request id (requestId.ts: the caller's X-Request-Id or
 * a generated one, in `req.id` on every line of the request), no payloads or query strings
 * (they can carry names and health data), and secrets redacted wherever they appear.
 */
import type HapiPino from 'hapi-pino';
import type { AppConfig } from '../../config/env.js';

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.passwordHash',
  '*.token',
  '*.jwtSecret',
  '*.payload',
  '*.query',
];

/** Where log lines go instead of stdout (tests read them back). */
export interface LogDestination {
  write(line: string): unknown;
}

export function loggingOptions(config: AppConfig, destination?: LogDestination): HapiPino.Options {
  return {
    level: config.logLevel,
    // pino writes to anything with write(); hapi-pino's type asks for more than it uses.
    ...(destination ? { stream: destination as NodeJS.WriteStream } : {}),
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    logPayload: false,
    logQueryParams: false,
    logPathParams: false,
    logRequestStart: false,
    // Probes and scrapes every few seconds would drown the requests people make.
    ignorePaths: ['/health/live', '/health/ready', '/metrics'],
    log4xxResponseErrors: false,
    // Not 'request-error': errors.ts logs each 5xx once (type, code, frames); hapi-pino would
    // repeat it as the generic 500 that replaced it, with a stack of the mapper itself.
    logEvents: ['onPostStart', 'onPostStop', 'response'],
    // A client that resets its connection (a closed tab, a load balancer's probe, a test tool
    // ending) is not our error: hapi reports it as a server log event with the socket's stack.
    // (hapi-pino reads `{ log, request }`; its type says object[].)
    ignoredEventTags: { log: ['client'], request: '*' } as unknown as object[],
    // hapi-pino logs `req` and `res` objects; keep only what an operator needs.
    serializers: {
      req: (req: { id?: string; method?: string; url?: string; remoteAddress?: string }) => ({
        id: req.id,
        method: req.method,
        url: typeof req.url === 'string' ? req.url.split('?')[0] : req.url,
        remoteAddress: req.remoteAddress,
      }),
      // The status is what an operator reads; a dozen response headers per line cost a tenth
      // of a cached read's CPU (bench profile) and say nothing the route and status do not.
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    base: { service: 'white-cross', version: config.version },
  };
}
