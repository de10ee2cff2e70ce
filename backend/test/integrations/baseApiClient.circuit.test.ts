/**
 * The circuit breaker against a simulator outage: it opens after exactly `failureThreshold`
 * failed requests reach the server, then fails fast without reaching it, lets one trial
 * through after the reset timeout and closes when the system is back. Refusals (404) never
 * open it. Timings are recorded as annotations, never asserted.
 */
import { describe, expect, it } from 'vitest';
import { IntegrationUnavailable } from '../../src/integrations/clients/integrationErrors.js';
import { waitFor } from '../helpers/jobs.js';
import { clientHarness, STUDENTS_PATH } from './clientHarness.js';

const h = clientHarness();
const THRESHOLD = 3;
const CIRCUIT = { failureThreshold: THRESHOLD, resetTimeoutMs: 300 };

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('an outage', () => {
  it('opens the circuit within the threshold, fails fast while open, and recovers', async ({ annotate }) => {
    const server = h.sims.medicaid.server;
    const client = h.client(server.url, { retries: 5, circuit: CIRCUIT });
    server.faults.set({ outage: true });

    // One call with retries: the breaker opens on the third failure and stops the retries.
    const first = await failure(client.get('/eligibility/status'));
    expect(first).toBeInstanceOf(IntegrationUnavailable);
    expect(server.requests).toHaveLength(THRESHOLD);
    expect(client.getCircuitStatus()).toMatchObject({ state: 'open', failures: THRESHOLD });

    const started = performance.now();
    const fastFailures = await Promise.all(
      Array.from({ length: 20 }, () => failure(client.get('/eligibility/status'))),
    );
    const elapsed = performance.now() - started;
    for (const error of fastFailures) {
      expect(error).toBeInstanceOf(IntegrationUnavailable);
      expect(error).toMatchObject({ reason: 'circuit-open', statusCode: 503 });
      expect((error as IntegrationUnavailable).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    }
    expect(server.requests).toHaveLength(THRESHOLD);
    await annotate(`20 calls failed fast in ${elapsed.toFixed(2)} ms while the circuit was open`);

    server.faults.set({ outage: false });
    await waitFor(() => client.getCircuitStatus().state === 'half-open');
    const answer = await client
      .post<string>('/eligibility', 'not x12', {
        headers: { 'x-api-key': 'wrong' },
        responseType: 'text',
        idempotencyKey: 'trial',
      })
      .catch((error: unknown) => error);
    // A refusal proves the system answers: the trial closes the circuit.
    expect(answer).toMatchObject({ upstreamStatus: 401 });
    expect(client.getCircuitStatus()).toMatchObject({ state: 'closed', nextAttemptAt: null });
    await expect(
      client.get('/eligibility/status').catch((e: { upstreamStatus?: number }) => e.upstreamStatus),
    ).resolves.toBe(404);
  });

  it('opens again when the trial after the reset timeout fails', async () => {
    const server = h.sims.medicaid.server;
    const client = h.client(server.url, { retries: 0, circuit: CIRCUIT });
    server.faults.set({ outage: true });
    for (let i = 0; i < THRESHOLD; i += 1) await failure(client.get('/eligibility/status'));
    expect(client.getCircuitStatus().state).toBe('open');

    await waitFor(() => client.getCircuitStatus().state === 'half-open');
    await failure(client.get('/eligibility/status'));

    expect(server.requests).toHaveLength(THRESHOLD + 1);
    expect(client.getCircuitStatus().state).toBe('open');
    expect(await failure(client.get('/eligibility/status'))).toMatchObject({ reason: 'circuit-open' });
    expect(server.requests).toHaveLength(THRESHOLD + 1);
  });

  it('opens on a failure rate within a rolling window when so configured', async () => {
    const server = h.sims.medicaid.server;
    const client = h.client(server.url, {
      retries: 0,
      circuit: {
        failureThreshold: { failureRate: 0.5, windowMs: 5_000, minimumRps: 1 },
        resetTimeoutMs: 30_000,
      },
    });
    server.faults.set({ outage: true });

    for (let i = 0; i < 10 && client.getCircuitStatus().state === 'closed'; i += 1) {
      await failure(client.get('/eligibility/status'));
    }

    expect(client.getCircuitStatus().state).toBe('open');
    expect(await failure(client.get('/eligibility/status'))).toMatchObject({ reason: 'circuit-open' });
  });
});

describe('refusals', () => {
  it('never opens the circuit, however many 404s come back', async () => {
    const client = h.rosterClient({ retries: 3, circuit: CIRCUIT });

    for (let i = 0; i < THRESHOLD * 4; i += 1) {
      await failure(client.get(`${STUDENTS_PATH}/no-such-student`));
    }

    expect(h.sims.oneRoster.server.requestsTo(STUDENTS_PATH)).toHaveLength(THRESHOLD * 4);
    expect(client.getCircuitStatus()).toMatchObject({ state: 'closed', failures: 0, rejects: 0 });
  });

  it('a 404 between failures resets the count of consecutive failures', async () => {
    const server = h.sims.medicaid.server;
    const client = h.client(server.url, { retries: 0, circuit: CIRCUIT });

    for (let round = 0; round < 3; round += 1) {
      server.faults.set({ failNext: THRESHOLD - 1 });
      for (let i = 0; i < THRESHOLD - 1; i += 1) await failure(client.get('/eligibility/status'));
      await failure(client.get('/eligibility/status')); // 404: the system is up
    }

    expect(client.getCircuitStatus()).toMatchObject({ state: 'closed', failures: 3 * (THRESHOLD - 1) });
  });
});
