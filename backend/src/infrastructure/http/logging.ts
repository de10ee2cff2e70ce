/**
 * hapi-pino options: JSON logs with the request id, no payloads or query strings (they can
 * carry names and health data), and secrets redacted wherever they appear.
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

export function loggingOptions(config: AppConfig): HapiPino.Options {
  return {
    level: config.logLevel,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    logPayload: false,
    logQueryParams: false,
    logPathParams: false,
    logRequestStart: false,
    ignorePaths: ['/health/live', '/health/ready'],
    log4xxResponseErrors: false,
    // hapi-pino logs `req` and `res` objects; keep only what an operator needs.
    serializers: {
      req: (req: { id?: string; method?: string; url?: string; remoteAddress?: string }) => ({
        id: req.id,
        method: req.method,
        url: typeof req.url === 'string' ? req.url.split('?')[0] : req.url,
        remoteAddress: req.remoteAddress,
      }),
    },
    base: { service: 'white-cross', version: config.version },
  };
}
