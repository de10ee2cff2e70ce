/** A redis-server of a test's own on a spare port, for outage tests: never the shared one. */
import { startOwnRedis, type OwnRedis, type OwnRedisOptions } from '../../drills/support/ownRedis.js';

export type { OwnRedis };

/** Not persistent unless asked: most outage tests only need the refusals. */
export function ownRedis({ persistent = false }: OwnRedisOptions = {}): Promise<OwnRedis> {
  return startOwnRedis({ persistent });
}
