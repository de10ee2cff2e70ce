/**
 * The integrations plugin in a real server: clients built from config (`clientOptions`),
 * GET /api/v1/admin/integrations for admins only, and the `externalAPIs` health component,
 * which an open circuit degrades without ever failing readiness.
 */
import type { Server } from '@hapi/hapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BaseApiClient } from '../../src/integrations/clients/BaseApiClient.js';
import { startSimulators, type RunningSimulators } from '../../src/integrations/simulators/index.js';
import { bearer, createOrganization, type TestOrganization } from '../helpers/fixtures.js';
import { waitFor } from '../helpers/jobs.js';
import { startTestServer, type TestServer } from '../helpers/testServer.js';

let sims: RunningSimulators;
let t: TestServer;
let server: Server;
let org: TestOrganization;
let medicaid: BaseApiClient;

beforeAll(async () => {
  sims = await startSimulators();
  t = await startTestServer({
    MEDICAID_API_URL: sims.urls.medicaid,
    MEDICAID_API_KEY: sims.credentials.medicaid.apiKey,
    INTEGRATION_RETRIES: '0',
    INTEGRATION_CIRCUIT_FAILURES: '2',
    INTEGRATION_CIRCUIT_RESET_MS: '300',
  });
  server = t.server;
  org = await createOrganization(server);
  const { registry, clientOptions } = server.plugins.integrations;
  // The Medicaid module adds its client once MEDICAID_API_URL is set; either way it is built from config.
  medicaid = registry.get('medicaid') ?? registry.add(new BaseApiClient(clientOptions('medicaid')));
});
afterAll(async () => {
  await t?.stop();
  await sims?.stop();
});

const listIntegrations = (headers: Record<string, string> = {}) =>
  server.inject({ method: 'GET', url: '/api/v1/admin/integrations', headers });

async function openTheCircuit() {
  sims.medicaid.server.faults.set({ outage: true });
  for (let i = 0; i < 2; i += 1) await medicaid.get('/eligibility/status').catch(() => undefined);
  expect(medicaid.getCircuitStatus().state).toBe('open');
}

async function closeTheCircuit() {
  sims.medicaid.server.faults.reset();
  await waitFor(() => medicaid.getCircuitStatus().state === 'half-open');
  await medicaid.get('/eligibility/status').catch(() => undefined); // a 404: the system is back
  expect(medicaid.getCircuitStatus().state).toBe('closed');
}

describe('GET /api/v1/admin/integrations', () => {
  it("lists each client's circuit and rate-limit state to an admin", async () => {
    const res = await listIntegrations(bearer(org.admin));

    expect(res.statusCode).toBe(200);
    const { data } = res.result as { data: Array<Record<string, unknown>> };
    expect(data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'medicaid',
          state: 'closed',
          failures: expect.any(Number),
          rejects: expect.any(Number),
          rateLimit: expect.objectContaining({ maxPerSecond: 5, store: 'redis' }),
        }),
      ]),
    );
  });

  it('refuses nurses and viewers, and answers 401 without a session', async () => {
    expect((await listIntegrations(bearer(org.nurse))).statusCode).toBe(403);
    expect((await listIntegrations(bearer(org.viewer))).statusCode).toBe(403);
    expect((await listIntegrations()).statusCode).toBe(401);
  });

  it('shows an open circuit', async () => {
    await openTheCircuit();
    try {
      const { data } = (await listIntegrations(bearer(org.admin))).result as {
        data: Array<{ name: string; state: string; nextAttemptAt: string | null }>;
      };
      expect(data.find((d) => d.name === 'medicaid')).toMatchObject({
        state: 'open',
        nextAttemptAt: expect.any(String),
      });
    } finally {
      await closeTheCircuit();
    }
  });
});

describe('the externalAPIs health component', () => {
  it('is healthy while every circuit is closed', async () => {
    const res = await server.inject('/health');
    const body = res.result as {
      components: Record<string, { status: string; details: Record<string, unknown> }>;
    };
    expect(body.components.externalAPIs).toMatchObject({
      status: 'healthy',
      details: { medicaid: expect.objectContaining({ state: 'closed' }) },
    });
  });

  it('degrades /health while a circuit is open, and readiness stays 200', async () => {
    await openTheCircuit();
    try {
      const health = await server.inject('/health');
      expect(health.statusCode).toBe(200);
      const body = health.result as { components: Record<string, { status: string; message: string }> };
      expect(body.components.externalAPIs).toMatchObject({
        status: 'degraded',
        message: expect.stringMatching(/medicaid/),
      });

      const ready = await server.inject('/health/ready');
      expect(ready.statusCode).toBe(200);
    } finally {
      await closeTheCircuit();
    }
    const after = (await server.inject('/health')).result as {
      components: Record<string, { status: string }>;
    };
    expect(after.components.externalAPIs?.status).toBe('healthy');
  });
});

describe('clientOptions', () => {
  it('refuses to build a client for an API without a URL', () => {
    expect(() => server.plugins.integrations.clientOptions('sis')).toThrow(/sis has no URL/);
  });
});
