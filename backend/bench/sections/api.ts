/**
 * The REST API under 50 connections (autocannon, from this process): the cached student
 * profile and the uncached student search, each beside bare hapi's `GET /bare` (no auth,
 * no audit, no database) measured the same way. Search terms vary per request, and the app's
 * cache counters must not move during the search run: the figure is of Postgres, not Redis.
 */
import { startBareHapi } from '../support/baselineProcess.js';
import { runLoad, type LoadResult } from '../support/autocannon.js';
import { countersSince, readCacheCounters } from '../support/cacheCounters.js';
import {
  CACHED_READ_CONNECTIONS,
  CACHED_READ_SECONDS,
  measureCachedProfileRead,
} from '../support/cachedProfileRead.js';
import type { BenchContext, BenchRow, BenchSection } from '../support/context.js';

const CONNECTIONS = CACHED_READ_CONNECTIONS;
const SECONDS = CACHED_READ_SECONDS;
const SEED_P99_MS = 100;

const throughput = (load: LoadResult) =>
  `${Math.round(load.requestsPerSecond).toLocaleString('en-US')} req/s, p99 ${load.latencyP99} ms`;

async function searchLoad(ctx: BenchContext): Promise<LoadResult> {
  const { searchTerms, nurses } = ctx.district;
  if (searchTerms.length === 0) throw new Error('the district has no search terms');
  const before = await readCacheCounters(ctx.app.url);
  const load = await runLoad({
    url: ctx.app.url,
    headers: { authorization: `Bearer ${nurses[0]!.token}` },
    connections: CONNECTIONS,
    durationSeconds: SECONDS,
    paths: searchTerms.map((term) => `/api/v1/students?search=${encodeURIComponent(term)}`),
  });
  const during = countersSince(before, await readCacheCounters(ctx.app.url));
  if (during.hits + during.misses > 0) {
    throw new Error(`the search run touched the cache (${during.hits} hits, ${during.misses} misses)`);
  }
  return load;
}

async function apiRows(ctx: BenchContext, bareUrl: string): Promise<BenchRow[]> {
  const bare = await runLoad({ url: `${bareUrl}/bare`, connections: CONNECTIONS, durationSeconds: SECONDS });
  const cached = await measureCachedProfileRead(ctx);
  const search = await searchLoad(ctx);
  const load = `${CONNECTIONS} connections, ${SECONDS} s`;
  return [
    {
      section: 'API',
      metric: `cached GET /api/v1/students/{id} (${cached.profileBytes.toLocaleString('en-US')} B profile), ${load}; raw: bare hapi GET /bare`,
      seedTarget: `< ${SEED_P99_MS} ms`,
      ours: throughput(cached),
      raw: throughput(bare),
      ratio: cached.requestsPerSecond / bare.requestsPerSecond,
      target: `p99 < ${SEED_P99_MS} ms`,
      met: cached.latencyP99 < SEED_P99_MS,
    },
    {
      section: 'API',
      metric: `uncached GET /api/v1/students?search= (${ctx.district.searchTerms.length} terms in turn), ${load}; raw: bare hapi GET /bare`,
      seedTarget: '',
      ours: throughput(search),
      raw: throughput(bare),
      ratio: search.requestsPerSecond / bare.requestsPerSecond,
      target: '',
      met: null,
    },
  ];
}

export const apiSection: BenchSection = {
  name: 'api',
  async run(ctx: BenchContext) {
    const bare = await startBareHapi(ctx.env.redisUrl, ctx.env.keyPrefix);
    try {
      return await apiRows(ctx, bare.url);
    } finally {
      await bare.stop();
    }
  },
};
