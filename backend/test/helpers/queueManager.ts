/**
 * A QueueManager of a test's own, outside any server: for tests of the class itself
 * (retries, validation, shutdown, outages) with processors the test writes. Its BullMQ
 * prefix is fresh, so it sees no other file's jobs; stop() closes it and removes the keys.
 */
import { QueueManager, type QueueManagerOptions } from '../../src/infrastructure/jobs/QueueManager.js';
import { TEST_REDIS_URL, uniqueName } from './services.js';
import { removeRedisPrefix } from './testServer.js';

export interface OwnQueueManager {
  queues: QueueManager;
  /** Another manager on the same Redis and prefix: a second replica. */
  replica(): QueueManager;
  stop(): Promise<void>;
}

export function ownQueueManager(options: Partial<QueueManagerOptions> = {}): OwnQueueManager {
  const prefix = options.prefix ?? `${uniqueName('wc:test:bull')}`;
  const settings: QueueManagerOptions = {
    redisUrl: TEST_REDIS_URL,
    concurrency: 5,
    backoffDelayMs: 20,
    log: () => undefined,
    ...options,
    prefix,
  };
  const made: QueueManager[] = [];
  const make = () => {
    const manager = new QueueManager(settings);
    manager.initialize();
    made.push(manager);
    return manager;
  };
  const queues = make();
  return {
    queues,
    replica: make,
    async stop() {
      for (const manager of made) await manager.close();
      await removeRedisPrefix(`${prefix}:`, settings.redisUrl);
    },
  };
}
