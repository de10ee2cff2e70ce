/**
 * GET /metrics after real traffic: logins, student reads (a cache miss, then hits), 404s, a
 * socket, an alert raised and acknowledged, jobs through the server's own workers, and an
 * outside system whose circuit opens. Each family is found with at least what was done.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/infrastructure/monitoring/metrics.js';
import { completedResult } from '../helpers/jobRuns.js';
import { waitFor } from '../helpers/jobs.js';
import { bearer, createOrganization, createStudent, type TestOrganization } from '../helpers/fixtures.js';
import { startListeningServer, type ListeningTestServer } from '../helpers/listeningServer.js';
import { closeAll, connectSocket, type ClientSocket } from '../helpers/socketClient.js';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The Prometheus text format, as far as these assertions need it. */
function parse(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    const match = /^([A-Za-z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)$/.exec(line);
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g))
      labels[key!] = value!;
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

/** The sum of a family's samples whose labels include `where`. */
function total(samples: Sample[], name: string, where: Record<string, string> = {}): number {
  return samples
    .filter((s) => s.name === name && Object.entries(where).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);
}

const has = (samples: Sample[], name: string) => samples.some((s) => s.name === name);

let t: ListeningTestServer;
let org: TestOrganization;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  // An SIS nobody answers at, one failure to open its circuit, no retries to wait for.
  t = await startListeningServer({
    SIS_API_URL: 'http://127.0.0.1:9/ims/oneroster',
    SIS_CLIENT_ID: 'metrics-test',
    SIS_CLIENT_SECRET: 'metrics-test-secret',
    INTEGRATION_CIRCUIT_FAILURES: '1',
    INTEGRATION_RETRIES: '0',
  });
  org = await createOrganization(t.server);
});
afterAll(async () => {
  closeAll(sockets);
  await t?.stop();
});

async function scrape(): Promise<{ text: string; samples: Sample[] }> {
  const res = await fetch(`${t.url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain');
  const text = await res.text();
  return { text, samples: parse(text) };
}

describe('GET /metrics', () => {
  it('exposes every family with the traffic made', async () => {
    const { server } = t;
    const student = await createStudent(server, org);
    for (let i = 0; i < 3; i += 1) {
      const res = await server.inject({ url: `/api/v1/students/${student.id}`, headers: bearer(org.nurse) });
      expect(res.statusCode).toBe(200);
    }
    const missing = await server.inject({
      url: `/api/v1/students/${crypto.randomUUID()}`,
      headers: bearer(org.nurse),
    });
    expect(missing.statusCode).toBe(404);
    expect((await server.inject({ url: '/no/such/route' })).statusCode).toBe(404);

    sockets.push(await connectSocket(t.url, org.nurse.token));

    const raised = await server.inject({
      method: 'POST',
      url: '/api/v1/alerts',
      headers: bearer(org.nurse),
      payload: { type: 'SEIZURE', severity: 'HIGH', location: 'Gym', description: 'metrics test' },
    });
    expect(raised.statusCode).toBe(201);
    const alertId = (raised.result as { id: string }).id;
    const acknowledged = await server.inject({
      method: 'POST',
      url: `/api/v1/alerts/${alertId}/acknowledge`,
      headers: bearer(org.admin),
    });
    expect(acknowledged.statusCode).toBe(200);

    const { queues } = server.plugins.jobs;
    const done = await queues.addJob('inventory-maintenance', { organizationId: org.id });
    await completedResult(queues.queue('inventory-maintenance'), done);
    // Written past addJob's check, as anything else writing to Redis could: the worker refuses it.
    const bad = await queues
      .queue('inventory-maintenance')
      .add('inventory-maintenance', { organizationId: 42 });
    await waitFor(async () => (await bad.getState()) === 'failed');

    await expect(server.plugins.sis.client!.schools()).rejects.toThrow();

    const { text, samples } = await scrape();

    const studentRoute = { route: '/api/v1/students/{id}', method: 'GET' };
    expect(
      total(samples, 'whitecross_http_requests_total', { ...studentRoute, status: '200' }),
    ).toBeGreaterThanOrEqual(3);
    expect(
      total(samples, 'whitecross_http_requests_total', { ...studentRoute, status: '404' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      total(samples, 'whitecross_http_requests_total', { route: '(unmatched)', status: '404' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      total(samples, 'whitecross_http_requests_total', {
        route: '/api/v1/auth/login',
        method: 'POST',
        status: '200',
      }),
    ).toBeGreaterThanOrEqual(3);
    expect(
      total(samples, 'whitecross_http_request_duration_seconds_count', { ...studentRoute, status: '200' }),
    ).toBeGreaterThanOrEqual(3);
    expect(
      total(samples, 'whitecross_http_request_duration_seconds_bucket', {
        ...studentRoute,
        status: '200',
        le: '+Inf',
      }),
    ).toBeGreaterThanOrEqual(3);
    // Templates only: no id and no raw path ever becomes a label.
    expect(text).not.toContain(student.id);
    expect(text).not.toContain('/no/such/route');

    expect(total(samples, 'whitecross_socket_connections')).toBeGreaterThanOrEqual(1);
    expect(total(samples, 'whitecross_alerts_sent_total', { severity: 'HIGH' })).toBeGreaterThanOrEqual(1);
    expect(
      total(samples, 'whitecross_alerts_acknowledged_total', { severity: 'HIGH' }),
    ).toBeGreaterThanOrEqual(1);

    const maintenance = { queue: 'inventory-maintenance' };
    expect(
      total(samples, 'whitecross_jobs_total', { ...maintenance, outcome: 'completed' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      total(samples, 'whitecross_jobs_total', { ...maintenance, outcome: 'failed' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      total(samples, 'whitecross_job_duration_seconds_count', { ...maintenance, outcome: 'completed' }),
    ).toBeGreaterThanOrEqual(1);

    expect(total(samples, 'whitecross_cache_misses_total')).toBeGreaterThanOrEqual(1);
    expect(total(samples, 'whitecross_cache_hits_total')).toBeGreaterThanOrEqual(2);
    expect(has(samples, 'whitecross_cache_bypassed_total')).toBe(true);

    expect(total(samples, 'whitecross_integration_circuit_state', { integration: 'sis' })).toBe(2);

    for (const family of [
      'process_cpu_user_seconds_total',
      'nodejs_heap_size_used_bytes',
      'nodejs_eventloop_lag_seconds',
    ]) {
      expect(has(samples, family), family).toBe(true);
    }
  });

  it('keeps each server its own counts (several servers share a test process)', () => {
    const [a, b] = [createMetrics(), createMetrics()];
    a.alertSent('LOW');
    return Promise.all([a.render(), b.render()]).then(([textA, textB]) => {
      expect(total(parse(textA), 'whitecross_alerts_sent_total', { severity: 'LOW' })).toBe(1);
      expect(total(parse(textB), 'whitecross_alerts_sent_total', { severity: 'LOW' })).toBe(0);
    });
  });
});
