/**
 * Turns "no DATABASE_URL / REDIS_URL" into running local services, so `npm start` works on a
 * bare machine. Production never gets here without both URLs: config refuses to load.
 */
import { withResolvedServices } from '../config/env.js';
import type { AppConfig } from '../config/env.js';
import { startEmbeddedPostgres } from './embeddedPostgres.js';
import { ensureLocalRedis } from './localRedis.js';
import type { RunningService, StartupLog } from './types.js';

export { StartupError } from './StartupError.js';
export type { RunningService, StartupLog } from './types.js';

export interface ResolvedServices {
  config: AppConfig;
  /** Stops what start-up started, Redis before PostgreSQL; never throws. */
  stop(): Promise<void>;
}

const given = (url: string): RunningService => ({ url, stop: () => Promise.resolve() });

async function stopQuietly(service: RunningService, log: StartupLog, name: string) {
  try {
    await service.stop();
  } catch (error) {
    log.warn(`Stopping ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function resolveServices(config: AppConfig, log: StartupLog): Promise<ResolvedServices> {
  const database = config.database.url
    ? given(config.database.url)
    : await startEmbeddedPostgres({ dataDir: config.database.embeddedDir, log });
  let redis: RunningService;
  try {
    redis = config.redis.url
      ? given(config.redis.url)
      : await ensureLocalRedis({ dataDir: config.redis.embeddedDir, log });
  } catch (error) {
    await stopQuietly(database, log, 'PostgreSQL');
    throw error;
  }

  let stopping: Promise<void> | undefined;
  return {
    config: withResolvedServices(config, { databaseUrl: database.url, redisUrl: redis.url }),
    stop: () => {
      stopping ??= (async () => {
        await stopQuietly(redis, log, 'Redis');
        await stopQuietly(database, log, 'PostgreSQL');
      })();
      return stopping;
    },
  };
}
