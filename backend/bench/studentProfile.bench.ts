/**
 * A student with 1,000 sub-records (allergies, conditions, immunizations, incidents): the
 * whole profile must come back in one request. Measures the uncached path (Postgres) and
 * the cached path (Redis), through hapi's inject: auth, audit and validation included.
 */
import type { Server } from '@hapi/hapi';
import { printTable, timeIt, withBenchServer } from './harness.js';

const PER_KIND = 250;
const ITERATIONS = 50;

async function post(server: Server, token: string, url: string, payload: object): Promise<void> {
  const res = await server.inject({
    method: 'POST',
    url,
    payload,
    headers: { authorization: `Bearer ${token}` },
  });
  if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.payload}`);
}

async function loadStudent(server: Server): Promise<{ token: string; studentId: string }> {
  const org = await server.plugins.organizations.service.createOrganization('Bench District');
  const password = 'bench-password-123';
  await server.plugins.users.service.create(org.id, {
    email: 'bench.nurse@bench.example',
    name: 'Bench Nurse',
    role: 'NURSE',
    password,
  });
  const login = await server.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: 'bench.nurse@bench.example', password },
  });
  const token = (login.result as { token: string }).token;
  const created = await server.inject({
    method: 'POST',
    url: '/api/v1/students',
    headers: { authorization: `Bearer ${token}` },
    payload: { firstName: 'Bench', lastName: 'Student', dateOfBirth: '2012-03-04', grade: '8' },
  });
  const studentId = (created.result as { id: string }).id;
  const base = `/api/v1/students/${studentId}`;
  for (let i = 0; i < PER_KIND; i += 1) {
    const day = new Date(Date.UTC(2013, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    await post(server, token, `${base}/allergies`, {
      allergen: `Allergen ${i}`,
      allergyType: 'ENVIRONMENTAL',
      severity: i % 10 === 0 ? 'LIFE_THREATENING' : 'MILD',
      reactions: ['sneezing'],
    });
    await post(server, token, `${base}/conditions`, { condition: `Condition ${i}`, status: 'ACTIVE' });
    await post(server, token, `${base}/immunizations`, {
      cvxCode: '20',
      administeredOn: day,
      source: 'HISTORICAL',
    });
    await post(server, token, '/api/v1/incidents', {
      studentId,
      type: 'ILLNESS',
      severity: 'LOW',
      location: 'Classroom',
      occurredAt: new Date(Date.now() - (i + 1) * 3_600_000).toISOString(),
      description: 'Headache',
      actionsTaken: 'Rested',
      witnesses: [],
      parentNotified: { notified: false },
      followUpRequired: false,
    });
  }
  return { token, studentId };
}

await withBenchServer(async (server) => {
  const { token, studentId } = await loadStudent(server);
  const get = async () => {
    const res = await server.inject({
      url: `/api/v1/students/${studentId}`,
      headers: { authorization: `Bearer ${token}` },
    });
    if (res.statusCode !== 200) throw new Error(`profile: ${res.statusCode}`);
  };
  const sample = await server.inject({
    url: `/api/v1/students/${studentId}`,
    headers: { authorization: `Bearer ${token}` },
  });
  const body = sample.result as Record<string, unknown>;
  const counted = ['allergies', 'conditions', 'immunizations', 'incidents'].map((k) => {
    const v = body[k] as unknown[] | { records?: unknown[] } | undefined;
    return Array.isArray(v) ? v.length : (v?.records?.length ?? 0);
  });
  const organizationId = (body as { organizationId: string }).organizationId;
  const uncached = await timeIt(ITERATIONS, async () => {
    await server.plugins.students.service.invalidate(organizationId, studentId);
    await get();
  });
  await get();
  const cached = await timeIt(ITERATIONS, get);
  printTable(
    `Student profile with ${PER_KIND * 4} sub-records (sections returned: ${counted.join(' / ')}; incidents capped at the 20 most recent)`,
    [
      {
        path: 'uncached (Postgres)',
        'p50 ms': uncached.p50.toFixed(1),
        'p99 ms': uncached.p99.toFixed(1),
        bytes: sample.rawPayload.length,
      },
      {
        path: 'cached (Redis)',
        'p50 ms': cached.p50.toFixed(1),
        'p99 ms': cached.p99.toFixed(1),
        bytes: sample.rawPayload.length,
      },
    ],
  );
});
