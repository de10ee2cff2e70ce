/**
 * How long a roster sync keeps trying while the SIS is down. The queue's default (3 tries,
 * backoff from JOBS_BACKOFF_DELAY_MS: given up after about 3 s) lost every sync that met an
 * outage longer than a restart (the sis-outage drill). A sync is idempotent, so retrying is
 * safe; a retry sooner than the circuit's reset would only be failed fast, so the backoff
 * starts there and doubles: with the defaults (30 s) the sync outlasts an hour's outage.
 */
import type { AppConfig } from '../../config/env.js';
import type { AddJobOptions } from '../../infrastructure/jobs/QueueManager.js';

export const SIS_SYNC_ATTEMPTS = 8;

export function sisSyncRetry(config: AppConfig): Pick<AddJobOptions, 'attempts' | 'backoff'> {
  const delay = Math.max(config.jobs.backoffDelayMs, config.integrations.client.circuitResetMs);
  return { attempts: SIS_SYNC_ATTEMPTS, backoff: { type: 'exponential', delay } };
}
