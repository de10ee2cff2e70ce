/**
 * BaseApiClient options from configuration, so each API's client is built the same way:
 * `new SisApiClient({ ...clientOptionsFor(config, 'sis', deps), clientId, clientSecret })`.
 */
import type { Redis } from 'ioredis';
import type { AppConfig } from '../../config/env.js';
import type { BaseApiClientOptions, IntegrationLog } from './BaseApiClient.js';

export type IntegrationApi = 'sis' | 'stateRegistry' | 'medicaid';

/** The client names: logs, errors, the admin route and the rate limit's Redis key use them. */
export const INTEGRATION_NAMES: Record<IntegrationApi, string> = {
  sis: 'sis',
  stateRegistry: 'state-registry',
  medicaid: 'medicaid',
};

export function clientOptionsFor(
  config: AppConfig,
  api: IntegrationApi,
  deps: { redis?: Redis; log?: IntegrationLog },
): BaseApiClientOptions {
  const endpoint = config.integrations[api];
  const shared = config.integrations.client;
  if (!endpoint.url) {
    throw new Error(`${INTEGRATION_NAMES[api]} has no URL: set it, or start the simulators first`);
  }
  return {
    name: INTEGRATION_NAMES[api],
    baseURL: endpoint.url,
    timeoutMs: shared.timeoutMs,
    retries: shared.retries,
    retryDelayMs: shared.retryDelayMs,
    circuit: { failureThreshold: shared.circuitFailureThreshold, resetTimeoutMs: shared.circuitResetMs },
    rateLimit: { maxPerSecond: endpoint.maxPerSecond, maxWaitMs: shared.rateLimitMaxWaitMs },
    redis: deps.redis,
    log: deps.log,
  };
}
