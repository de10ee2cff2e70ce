/**
 * Request ids and what reaches the log. The server's pino lines are captured (LOG_LEVEL info)
 * and read back: an X-Request-Id round-trips and tags every line of its request, a bad one is
 * replaced, and health data sent in a payload or a query string is in no line at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allergyPayload } from '../helpers/healthRecords.js';
import { bearer, createOrganization, createStudent, type TestOrganization } from '../helpers/fixtures.js';
import { startTestServer, type TestServer } from '../helpers/testServer.js';

interface LogLine {
  msg?: string;
  /** What request.log() was given (hapi-pino puts it here, not in msg). */
  data?: unknown;
  req?: { id?: string; url?: string };
  res?: unknown;
}

const written: string[] = [];
const lines = (): LogLine[] => written.map((line) => JSON.parse(line) as LogLine);
const linesOf = (requestId: string) => lines().filter((line) => line.req?.id === requestId);

const FAILING_ROUTE = '/test/fails-after-logging';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let t: TestServer;
let org: TestOrganization;

beforeAll(async () => {
  t = await startTestServer(
    { LOG_LEVEL: 'info' },
    { logDestination: { write: (line) => written.push(line) } },
  );
  // A route that logs twice, then fails with the payload in its error message.
  t.server.route({
    method: 'POST',
    path: FAILING_ROUTE,
    options: { auth: false, validate: { query: true } },
    handler(request) {
      request.log(['info'], 'handler started');
      request.logger.info('handler still going');
      throw new Error(`cannot handle ${JSON.stringify(request.payload)}`);
    },
  });
  org = await createOrganization(t.server);
});
afterAll(async () => {
  await t?.stop();
});

describe('X-Request-Id', () => {
  it('returns the caller’s id and tags every log line of the request with it', async () => {
    const id = 'trace-7f3a.B_1';
    const res = await t.server.inject({
      method: 'POST',
      url: FAILING_ROUTE,
      headers: { 'x-request-id': id },
      payload: {},
    });
    expect(res.statusCode).toBe(500);
    expect(res.headers['x-request-id']).toBe(id);
    const messages = linesOf(id).map((line) => line.msg ?? line.data);
    expect(messages).toEqual(
      expect.arrayContaining(['handler started', 'handler still going', 'unexpected error']),
    );
    expect(messages.some((m) => String(m).startsWith('[response] post /test/fails-after-logging 500'))).toBe(
      true,
    );
  });

  it('generates one when the caller sent none, a new one per request', async () => {
    const first = await t.server.inject({ url: '/api/v1/students', headers: bearer(org.nurse) });
    const second = await t.server.inject({ url: '/api/v1/students', headers: bearer(org.nurse) });
    const ids = [first.headers['x-request-id'], second.headers['x-request-id']];
    expect(ids[0]).toMatch(UUID);
    expect(ids[1]).toMatch(UUID);
    expect(ids[0]).not.toBe(ids[1]);
    expect(linesOf(String(ids[0])).length).toBeGreaterThanOrEqual(1);
  });

  it('replaces an id that is not a plain token of 1 to 128 characters', async () => {
    for (const bad of ['has spaces', 'quote"d', 'semi;colon', 'x'.repeat(129), '']) {
      const res = await t.server.inject({ url: '/health/live', headers: { 'x-request-id': bad } });
      expect(res.headers['x-request-id'], JSON.stringify(bad)).toMatch(UUID);
    }
    for (const good of ['a', 'x'.repeat(128), 'AZaz09._-']) {
      const res = await t.server.inject({ url: '/health/live', headers: { 'x-request-id': good } });
      expect(res.headers['x-request-id']).toBe(good);
    }
  });

  it('is on error answers too: a 404 with no route, a 401, a 400', async () => {
    const answers = await Promise.all([
      t.server.inject({ url: '/no/such/route', headers: { 'x-request-id': 'id-404' } }),
      t.server.inject({ url: '/api/v1/students', headers: { 'x-request-id': 'id-401' } }),
      t.server.inject({
        url: '/api/v1/students?page=zero',
        headers: { ...bearer(org.nurse), 'x-request-id': 'id-400' },
      }),
    ]);
    expect(answers.map((r) => [r.statusCode, r.headers['x-request-id']])).toEqual([
      [404, 'id-404'],
      [401, 'id-401'],
      [400, 'id-400'],
    ]);
  });
});

describe('health data in the log', () => {
  it('never writes what a payload or a query string carried, on success or failure', async () => {
    const marker = `Marker${crypto.randomUUID().replace(/-/g, '')}`;
    const student = await createStudent(t.server, org);
    const allergies = `/api/v1/students/${student.id}/allergies`;
    const sent = [
      await t.server.inject({
        method: 'POST',
        url: allergies,
        headers: { ...bearer(org.nurse), 'x-request-id': 'allergy-ok' },
        payload: allergyPayload({ allergen: `${marker} nuts`, notes: marker }),
      }),
      await t.server.inject({
        method: 'POST',
        url: allergies,
        headers: { ...bearer(org.nurse), 'x-request-id': 'allergy-bad' },
        payload: allergyPayload({ allergen: marker, severity: marker }),
      }),
      await t.server.inject({
        url: `/api/v1/students?search=${marker}`,
        headers: { ...bearer(org.nurse), 'x-request-id': 'search' },
      }),
      await t.server.inject({
        method: 'POST',
        url: `${FAILING_ROUTE}?note=${marker}`,
        headers: { 'x-request-id': 'failing' },
        payload: { diagnosis: marker },
      }),
    ];
    expect(sent.map((r) => r.statusCode)).toEqual([201, 400, 200, 500]);
    // The requests were logged (so the check below means something)...
    for (const id of ['allergy-ok', 'allergy-bad', 'search', 'failing']) {
      expect(linesOf(id).length, id).toBeGreaterThanOrEqual(1);
    }
    // ...and no line anywhere holds the marker.
    expect(written.filter((line) => line.includes(marker))).toEqual([]);
  });

  it('does not log scrapes of /metrics or probes', async () => {
    for (const url of ['/metrics', '/health/live', '/health/ready']) {
      expect(
        (await t.server.inject({ url, headers: { 'x-request-id': `probe-${url.length}` } })).statusCode,
      ).toBe(200);
    }
    expect(lines().filter((line) => line.req?.id?.startsWith('probe-'))).toEqual([]);
  });
});

describe('the response line', () => {
  it('carries the status and no response headers', async () => {
    const res = await t.server.inject({
      url: '/api/v1/students',
      headers: { ...bearer(org.nurse), 'x-request-id': 'status-only' },
    });
    expect(res.statusCode).toBe(200);
    const logged = linesOf('status-only').filter((line) => line.res !== undefined);
    expect(logged.map((line) => line.res)).toEqual([{ statusCode: 200 }]);
  });
});

describe('connection errors', () => {
  it("does not log a client's reset connection as an error, and still logs the server's own", async () => {
    // hapi reports a socket a client reset (a closed tab, a test tool ending) with these tags.
    t.server.log(['connection', 'client', 'error'], new Error('read ECONNRESET'));
    t.server.log(['error'], new Error('a server-side failure'));
    const messages = lines().map((line) => line.msg);
    expect(messages).not.toContain('read ECONNRESET');
    expect(messages).toContain('a server-side failure');
  });
});
