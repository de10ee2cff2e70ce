/**
 * The outbound rate limit is counted in Redis: two client instances of the same API (two
 * replicas) fired at together stay under the limit as seen by the server, a request waits
 * its turn but only up to maxWaitMs, and without Redis the limit still holds per process.
 */
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { IntegrationRateLimited } from '../../src/integrations/clients/integrationErrors.js';
import type { RecordedRequest } from '../../src/integrations/simulators/index.js';
import { uniqueName } from '../helpers/services.js';
import { clientHarness } from './clientHarness.js';

const h = clientHarness();

/** The most arrivals the server saw within any one calendar second. */
function busiestSecond(requests: RecordedRequest[]): number {
  const perSecond = new Map<number, number>();
  for (const r of requests)
    perSecond.set(Math.floor(r.at / 1000), (perSecond.get(Math.floor(r.at / 1000)) ?? 0) + 1);
  return Math.max(...perSecond.values());
}

describe('a limit shared through Redis', () => {
  it('keeps two instances of one API together under the limit', async ({ annotate }) => {
    const server = h.sims.medicaid.server;
    const name = uniqueName('shared-api');
    const limit = { maxPerSecond: 4, maxWaitMs: 10_000 };
    const replicaA = h.client(server.url, { name, rateLimit: limit });
    const replicaB = h.client(server.url, { name, rateLimit: limit });

    const calls = Array.from({ length: 12 }, (_, i) =>
      (i % 2 === 0 ? replicaA : replicaB)
        .get('/eligibility/status')
        .catch((e: { upstreamStatus?: number }) => e),
    );
    const answers = await Promise.all(calls);

    expect(answers.every((a) => (a as { upstreamStatus?: number }).upstreamStatus === 404)).toBe(true);
    expect(server.requests).toHaveLength(12);
    expect(busiestSecond(server.requests)).toBeLessThanOrEqual(limit.maxPerSecond);
    expect(replicaA.getCircuitStatus().rateLimit).toMatchObject({ store: 'redis', granted: 6, refused: 0 });
    const gaps = server.requests.slice(1).map((r, i) => r.at - server.requests[i]!.at);
    await annotate(`arrival gaps (ms): ${gaps.join(', ')}`);
  });

  it('fails a request with IntegrationRateLimited once it has waited maxWaitMs', async () => {
    const server = h.sims.medicaid.server;
    const client = h.client(server.url, { rateLimit: { maxPerSecond: 1, maxWaitMs: 200 } });

    const results = await Promise.all(
      [1, 2, 3].map(() => client.get('/eligibility/status').catch((error: unknown) => error)),
    );

    const limited = results.filter((r) => r instanceof IntegrationRateLimited);
    expect(limited).toHaveLength(2);
    expect(limited[0]).toMatchObject({ source: 'local', statusCode: 503 });
    expect(server.requests).toHaveLength(1);
    expect(client.getCircuitStatus().rateLimit).toMatchObject({ granted: 1, refused: 2, waiting: 0 });
    // Our own limit is not the remote failing: the circuit did not count it.
    expect(client.getCircuitStatus()).toMatchObject({ state: 'closed', failures: 0 });
  });
});

describe('without Redis', () => {
  it('falls back to a limit per process when Redis does not answer, and says so once', async () => {
    const server = h.sims.medicaid.server;
    // Port 1: nothing listens there, so the connection is refused at once and retried later.
    const deadRedis = new Redis('redis://127.0.0.1:1', { lazyConnect: true, retryStrategy: () => 60_000 });
    deadRedis.on('error', () => undefined);
    const client = h.client(server.url, {
      redis: deadRedis,
      rateLimit: { maxPerSecond: 50, maxWaitMs: 2_000 },
    });

    const answers = await Promise.all(
      Array.from({ length: 4 }, () =>
        client.get('/eligibility/status').catch((e: { upstreamStatus?: number }) => e),
      ),
    );

    expect(answers.map((a) => (a as { upstreamStatus?: number }).upstreamStatus)).toEqual([
      404, 404, 404, 404,
    ]);
    expect(client.getCircuitStatus().rateLimit.store).toBe('local');
    expect(
      h.logs.filter((l) => l.tags.includes('warn') && /in this process only/.test(l.message)),
    ).toHaveLength(1);
    deadRedis.disconnect();
  });

  it('limits per process', async () => {
    const server = h.sims.medicaid.server;
    const client = h.client(server.url, {
      redis: undefined,
      rateLimit: { maxPerSecond: 4, maxWaitMs: 10_000 },
    });

    await Promise.all(
      Array.from({ length: 8 }, () => client.get('/eligibility/status').catch(() => undefined)),
    );

    expect(server.requests).toHaveLength(8);
    expect(busiestSecond(server.requests)).toBeLessThanOrEqual(4);
    expect(client.getCircuitStatus().rateLimit.store).toBe('local');
  });
});
