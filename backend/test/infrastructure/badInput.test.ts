/**
 * Walks every /api/v1 route and sends it what a careless or hostile client would: malformed
 * JSON, wrong types, unknown fields, 1 MB strings, bad UUIDs and junk query strings. Every
 * answer must be a 4xx with a message; a 5xx is a bug.
 */
import type { RequestRoute } from '@hapi/hapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createStudent, type TestOrganization } from '../helpers/fixtures.js';
import { allergyPayload } from '../helpers/healthRecords.js';
import { startTestServer, type TestServer } from '../helpers/testServer.js';

let t: TestServer;
let org: TestOrganization;

beforeAll(async () => {
  t = await startTestServer();
  org = await createOrganization(t.server);
});
afterAll(() => t?.stop());

const HUGE = 'x'.repeat(1024 * 1024);
const BAD_UUIDS = ['not-a-uuid', '123', "' OR 1=1 --", '00000000-0000-0000-0000-00000000000Z', '%00'];

function apiRoutes(): RequestRoute[] {
  return t.server.table().filter((r) => r.path.startsWith('/api/v1/')) as unknown as RequestRoute[];
}

function urlFor(path: string, param: string): string {
  return path.replace(/\{[^}]+\}/g, encodeURIComponent(param));
}

function payloadsFor(): Array<{ label: string; payload: string | object; contentType?: string }> {
  return [
    { label: 'malformed JSON', payload: '{"firstName": "Ann",', contentType: 'application/json' },
    { label: 'a JSON array', payload: '[1,2,3]', contentType: 'application/json' },
    { label: 'a JSON string', payload: '"hello"', contentType: 'application/json' },
    {
      label: 'wrong types',
      payload: {
        firstName: 42,
        lastName: [],
        dateOfBirth: true,
        grade: {},
        email: 7,
        password: 9,
        role: 1,
        name: null,
      },
    },
    {
      label: 'unknown fields',
      payload: { unexpected: 'field', __proto__: { polluted: true }, constructor: 'x' },
    },
    { label: '1 MB strings', payload: { firstName: HUGE } },
    { label: 'over 1 MB body', payload: { firstName: HUGE, lastName: HUGE } },
    { label: 'form encoding', payload: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' },
  ];
}

async function send(
  method: string,
  url: string,
  init: { payload?: string | object; contentType?: string } = {},
) {
  const headers: Record<string, string> = { authorization: `Bearer ${org.admin.token}` };
  if (init.contentType) headers['content-type'] = init.contentType;
  return t.server.inject({ method, url, headers, payload: init.payload as string });
}

function expect4xx(res: { statusCode: number; result: unknown }, what: string) {
  expect(res.statusCode, what).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, what).toBeLessThan(500);
  const message = (res.result as { message?: string } | null)?.message;
  expect(typeof message, `${what} should say what was wrong`).toBe('string');
  expect(message).not.toMatch(/at .*\.(ts|js):\d+/); // no stack traces
}

describe('bad input on every route', () => {
  it('finds the routes to test', () => {
    expect(apiRoutes().length).toBeGreaterThanOrEqual(10);
  });

  it('answers 4xx to bad bodies', async () => {
    for (const route of apiRoutes().filter((r) => ['post', 'patch', 'put'].includes(r.method))) {
      const url = urlFor(route.path, crypto.randomUUID());
      for (const body of payloadsFor()) {
        const res = await send(route.method, url, body);
        expect4xx(res, `${route.method.toUpperCase()} ${route.path} with ${body.label}`);
      }
    }
  });

  it('answers 4xx to bad ids in the path', async () => {
    for (const route of apiRoutes().filter((r) => r.path.includes('{'))) {
      for (const bad of BAD_UUIDS) {
        const res = await send(
          route.method,
          urlFor(route.path, bad),
          route.method === 'get' ? {} : { payload: {} },
        );
        expect4xx(res, `${route.method.toUpperCase()} ${route.path} with id ${bad}`);
      }
    }
  });

  it('answers 4xx to junk query strings', async () => {
    const junk = [
      'page=-1',
      'pageSize=100000',
      'page=abc',
      'grade=13',
      'schoolId=nope',
      'unknown=1',
      `search=${'y'.repeat(5000)}`,
      'from=yesterday',
      'userId=1',
    ];
    for (const route of apiRoutes().filter((r) => r.method === 'get' && !r.path.includes('{'))) {
      for (const query of junk) {
        const res = await send('get', `${route.path}?${query}`);
        if (res.statusCode === 200) {
          // A route that takes no query at all must still refuse unknown parameters.
          throw new Error(`GET ${route.path}?${query.slice(0, 40)} answered 200`);
        }
        expect4xx(res, `GET ${route.path}?${query.slice(0, 40)}`);
      }
    }
  });

  it('names the field and does not echo the value', async () => {
    const res = await send('post', '/api/v1/students', {
      payload: {
        firstName: 'Ann',
        lastName: 'Lee',
        dateOfBirth: '2015-01-01',
        grade: '4',
        studentNumber: 'secret value!',
      },
    });
    expect(res.statusCode).toBe(400);
    const message = (res.result as { message: string }).message;
    expect(message).toContain('studentNumber');
    expect(message).not.toContain('secret value');
  });

  // Values joi lets through that PostgreSQL refuses: found by the bad-input drill as 500s.
  it('answers 400 to a date PostgreSQL cannot hold and to a NUL inside a list of strings', async () => {
    const farPast = await send('get', '/api/v1/appointments?to=-271821-04-20T00:00:00.000Z');
    expect4xx(farPast, 'an appointment range ending in 271822 BC');

    const student = await createStudent(t.server, org);
    const nul = await send('post', `/api/v1/students/${student.id}/allergies`, {
      payload: allergyPayload({ reactions: ['Hives', 'Swelling\u0000'] }),
    });
    expect4xx(nul, 'an allergy reaction holding a NUL');
  });

  it('writes nothing when a request is refused', async () => {
    const count = () =>
      t.server.app.sequelize.query('SELECT count(*)::int AS n FROM students', { plain: true });
    const before = await count();
    await send('post', '/api/v1/students', {
      payload: { firstName: 'A', lastName: 'B', dateOfBirth: '2015-01-01', grade: '4', extra: 1 },
    });
    await send('post', '/api/v1/students', {
      payload: { firstName: 'A', lastName: 'B', dateOfBirth: '2999-01-01', grade: '4' },
    });
    expect(await count()).toEqual(before);
  });
});
