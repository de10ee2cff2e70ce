/**
 * The app's own cache counters, read from its GET /metrics the way Prometheus scrapes them
 * (the route needs no auth: the scraper sits inside the cluster). A replica counts only its
 * own lookups, so a hit rate is the delta of two readings of the same process.
 */
export interface CacheCounters {
  hits: number;
  misses: number;
  bypassed: number;
}

function counter(text: string, name: string): number {
  const match = new RegExp(`^${name} (\\S+)$`, 'm').exec(text);
  if (!match) throw new Error(`/metrics has no ${name}`);
  return Number(match[1]);
}

export async function readCacheCounters(appUrl: string): Promise<CacheCounters> {
  const response = await fetch(`${appUrl}/metrics`);
  if (!response.ok) throw new Error(`GET /metrics answered ${response.status}`);
  const text = await response.text();
  return {
    hits: counter(text, 'whitecross_cache_hits_total'),
    misses: counter(text, 'whitecross_cache_misses_total'),
    bypassed: counter(text, 'whitecross_cache_bypassed_total'),
  };
}

export function countersSince(before: CacheCounters, after: CacheCounters): CacheCounters {
  return {
    hits: after.hits - before.hits,
    misses: after.misses - before.misses,
    bypassed: after.bypassed - before.bypassed,
  };
}
