/**
 * BaseApiClient's retries against a real HTTP server (the simulators, with injected faults),
 * counted on the simulator's side: transient failures of idempotent requests are retried,
 * a POST only with an idempotency key, Retry-After is honoured (or refused when too long),
 * other 4xx are neither retried nor counted, and errors come out typed and redacted.
 */
import { describe, expect, it } from 'vitest';
import {
  IntegrationRateLimited,
  IntegrationRejected,
  IntegrationUnavailable,
} from '../../src/integrations/clients/integrationErrors.js';
import { clientHarness, inquiry270, STUDENTS_PATH } from './clientHarness.js';

const h = clientHarness();

const TEXT = { 'content-type': 'text/plain', 'x-api-key': 'simulator-api-key' };
const AVA = { memberId: 'MCD100234501', familyName: 'MARTINEZ', givenName: 'AVA', birthDate: '20160314' };

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('retries', () => {
  it('retries a burst of 5xx on a GET and returns the answer', async () => {
    const client = h.rosterClient();
    await client.get(`${STUDENTS_PATH}?limit=1`); // token fetched before the faults start
    h.sims.oneRoster.server.faults.set({ failNext: 2, statusOnError: 503 });

    const page = await client.get<{ users: unknown[] }>(`${STUDENTS_PATH}?limit=5`);

    expect(page.users).toHaveLength(5);
    const seen = h.sims.oneRoster.server.requestsTo(STUDENTS_PATH).slice(1);
    expect(seen.map((r) => r.status)).toEqual([503, 503, 200]);
    expect(client.getCircuitStatus()).toMatchObject({ state: 'closed', failures: 2 });
  });

  it('gives up after the configured retries with IntegrationUnavailable (503)', async () => {
    const client = h.client(h.sims.medicaid.server.url, { retries: 2 });
    h.sims.medicaid.server.faults.set({ failNext: 10, statusOnError: 502 });

    const error = await caught(client.get('/eligibility/status'));

    expect(error).toBeInstanceOf(IntegrationUnavailable);
    expect(error).toMatchObject({ reason: 'server-error', upstreamStatus: 502, statusCode: 503 });
    expect(h.sims.medicaid.server.requests).toHaveLength(3);
  });

  it('never retries a POST without an idempotency key', async () => {
    const client = h.client(h.sims.medicaid.server.url);
    h.sims.medicaid.server.faults.set({ failNext: 1, statusOnError: 503 });

    const error = await caught(client.post('/eligibility', inquiry270(AVA), { headers: TEXT }));

    expect(error).toBeInstanceOf(IntegrationUnavailable);
    expect(h.sims.medicaid.server.requests).toHaveLength(1);
  });

  it('retries a POST that carries an idempotency key, sending the same key each time', async () => {
    const client = h.client(h.sims.medicaid.server.url);
    h.sims.medicaid.server.faults.set({ failNext: 2, statusOnError: 503 });

    const answer = await client.post<string>('/eligibility', inquiry270(AVA), {
      headers: TEXT,
      responseType: 'text',
      idempotencyKey: 'eligibility-check-4711',
    });

    expect(answer).toContain('EB*1*IND*30*MC');
    const seen = h.sims.medicaid.server.requests;
    expect(seen.map((r) => r.status)).toEqual([503, 503, 200]);
    expect(new Set(seen.map((r) => r.idempotencyKey))).toEqual(new Set(['eligibility-check-4711']));
  });

  it('retries a dropped connection and a timeout on a GET', async () => {
    const client = h.client(h.sims.medicaid.server.url, { retries: 1, timeoutMs: 100 });

    h.sims.medicaid.server.faults.set({ outage: true, outageMode: 'reset' });
    expect(await caught(client.get('/eligibility/status'))).toMatchObject({ reason: 'network' });
    expect(h.sims.medicaid.server.requests).toHaveLength(2);

    h.sims.medicaid.server.clearRequests();
    h.sims.medicaid.server.faults.set({ outage: false, latencyMs: 400 });
    expect(await caught(client.get('/eligibility/status'))).toMatchObject({ reason: 'timeout' });
    expect(h.sims.medicaid.server.requests).toHaveLength(2);
  });
});

describe('Retry-After', () => {
  it('waits at least Retry-After before the retry of a 429', async () => {
    const client = h.client(h.sims.medicaid.server.url);
    h.sims.medicaid.server.faults.set({ rateLimit: { limit: 1, windowMs: 1_000, retryAfterSeconds: 1 } });

    await client.get('/nothing-here').catch(() => undefined); // spends the window's one request
    const answer = await client.post<string>('/eligibility', inquiry270(AVA), {
      headers: TEXT,
      responseType: 'text',
      idempotencyKey: 'retry-after-check',
    });

    expect(answer).toContain('ST*271');
    const [, limited, retried] = h.sims.medicaid.server.requests;
    expect(limited?.status).toBe(429);
    expect(retried?.status).toBe(200);
    // The server's own arrival times: the retry came no sooner than the second it was told.
    expect(retried!.at - limited!.at).toBeGreaterThanOrEqual(1_000);
  });

  it('fails at once when Retry-After is longer than the client will wait', async () => {
    const client = h.client(h.sims.medicaid.server.url, {
      rateLimit: { maxPerSecond: 1_000, maxWaitMs: 2_000 },
    });
    h.sims.medicaid.server.faults.set({ rateLimit: { limit: 0, windowMs: 60_000, retryAfterSeconds: 120 } });

    const error = await caught(client.get('/eligibility/status'));

    expect(error).toBeInstanceOf(IntegrationRateLimited);
    expect(error).toMatchObject({ source: 'remote', retryAfterSeconds: 120, statusCode: 503 });
    expect(h.sims.medicaid.server.requests).toHaveLength(1);
  });
});

describe('refusals', () => {
  it('answers a 4xx with IntegrationRejected (502), without retrying or counting a failure', async () => {
    const client = h.rosterClient({ circuit: { failureThreshold: 2, resetTimeoutMs: 30_000 } });

    for (let i = 0; i < 4; i += 1) {
      const error = await caught(client.get(`${STUDENTS_PATH}/no-such-student`));
      expect(error).toBeInstanceOf(IntegrationRejected);
      expect(error).toMatchObject({ upstreamStatus: 404, statusCode: 502 });
    }

    expect(h.sims.oneRoster.server.requestsTo(STUDENTS_PATH)).toHaveLength(4);
    expect(client.getCircuitStatus()).toMatchObject({ state: 'closed', failures: 0 });
  });

  it('keeps the body of a refusal for the caller but out of the message and of JSON', async () => {
    const client = h.client(h.sims.medicaid.server.url);

    const error = (await caught(
      client.post('/eligibility', 'not x12 at all', { headers: TEXT, responseType: 'text' }),
    )) as IntegrationRejected;

    expect(error.upstreamStatus).toBe(400);
    expect(error.response?.data).toMatch(/ISA/);
    expect(error.message).not.toMatch(/ISA/);
    expect(JSON.stringify(error)).not.toMatch(/ISA/);
  });
});

describe('logging', () => {
  it('logs each attempt without query strings or identifiers', async () => {
    const client = h.rosterClient();
    const [student] = (await client.get<{ users: Array<{ sourcedId: string }> }>(`${STUDENTS_PATH}?limit=1`))
      .users;
    h.logs.length = 0;

    await client.get(`${STUDENTS_PATH}/${student!.sourcedId}?fields=givenName,familyName`);
    await client.get(STUDENTS_PATH, { params: { filter: "familyName='Martinez'" } });

    const lines = h.logs.map((l) => l.message);
    expect(lines).toEqual([
      expect.stringMatching(/^GET \/ims\/oneroster\/v1p1\/students\/:id -> 200 in \d+ ms$/),
      expect.stringMatching(/^GET \/ims\/oneroster\/v1p1\/students -> 200 in \d+ ms$/),
    ]);
    expect(lines.join('\n')).not.toContain(student!.sourcedId);
    expect(lines.join('\n')).not.toMatch(/Martinez|givenName/);
  });

  it('logs a route by the name the caller gives it, and a base-URL-only request by its path', async () => {
    const roster = h.rosterClient();
    await roster.get(`${STUDENTS_PATH}?limit=1`);
    const medicaid = h.client(h.sims.urls.medicaid);
    h.logs.length = 0;

    await roster
      .get(`${STUDENTS_PATH}/S100207`, { logAs: 'GET /students/{sourcedId}' })
      .catch(() => undefined);
    await medicaid.post('', inquiry270(AVA), { headers: TEXT, responseType: 'text' });

    expect(h.logs.map((l) => l.message)).toEqual([
      expect.stringMatching(/^GET \/students\/\{sourcedId\} -> 404 in \d+ ms$/),
      expect.stringMatching(/^POST \/eligibility -> 200 in \d+ ms$/),
    ]);
    expect(h.logs.map((l) => l.tags)).toEqual([
      ['integrations', expect.any(String), 'info'],
      ['integrations', expect.any(String), 'debug'],
    ]);
  });
});
