/**
 * Sentry reports, received by a local HTTP server standing in for Sentry (the DSN points at it):
 * a 500 arrives as the error's type and stack frames, and nothing the request carried (body,
 * query string, cookies, headers) nor the error's message ever leaves. Without a DSN, nothing.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Hapi from '@hapi/hapi';
import type { ErrorEvent } from '@sentry/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorReportingPlugin, scrubEvent } from '../../src/infrastructure/monitoring/errorReporting.js';
import { waitFor } from '../helpers/jobs.js';
import { startTestServer, type TestServer } from '../helpers/testServer.js';

const received: string[] = [];
let sentry: HttpServer;
let t: TestServer;
let listenersBefore: NodeJS.UnhandledRejectionListener[];

const EXPLODING_ROUTE = '/test/explodes';

beforeAll(async () => {
  sentry = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push(`${req.url}\n${body}`);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => sentry.listen(0, '127.0.0.1', resolve));
  const { port } = sentry.address() as AddressInfo;
  listenersBefore = process.listeners('unhandledRejection');
  t = await startTestServer({ SENTRY_DSN: `http://publickey@127.0.0.1:${port}/1` });
  t.server.route({
    method: 'POST',
    path: EXPLODING_ROUTE,
    options: { auth: false, validate: { query: true } },
    handler(request) {
      throw new TypeError(`cannot read ${JSON.stringify(request.payload)}`);
    },
  });
});
afterAll(async () => {
  await t?.stop();
  await new Promise((resolve) => sentry?.close(resolve));
  // A stopped server leaves no listener behind (test files share worker processes).
  expect(process.listeners('unhandledRejection').filter((l) => !listenersBefore.includes(l))).toEqual([]);
});

const marker = () => `Marker${crypto.randomUUID().replace(/-/g, '')}`;
const envelopesWith = (text: string) => received.filter((body) => body.includes(text));

describe('error reports with SENTRY_DSN set', () => {
  it('sends a 500 as its type and stack, without the request or the message', async () => {
    const secret = marker();
    const res = await t.server.inject({
      method: 'POST',
      url: `${EXPLODING_ROUTE}?diagnosis=${secret}`,
      headers: { cookie: `note=${secret}`, 'x-note': secret, authorization: `Bearer ${secret}` },
      payload: { allergy: secret },
    });
    expect(res.statusCode).toBe(500);
    await waitFor(() => envelopesWith('TypeError').length > 0);
    const [envelope] = envelopesWith('TypeError');
    expect(envelope).toContain('/api/1/envelope/');
    expect(envelope).toContain('"handled":true');
    expect(envelope).toContain('errorReporting.test.ts');
    expect(envelope).toContain('message withheld');
    expect(received.filter((body) => body.includes(secret))).toEqual([]);
  });

  it('sends unhandled rejections while the server runs', async () => {
    const added = process.listeners('unhandledRejection').filter((l) => !listenersBefore.includes(l));
    expect(added).toHaveLength(1);
    const secret = marker();
    class RejectedForTest extends Error {
      override name = 'RejectedForTest';
    }
    // Called directly: a real unhandled rejection would also fail this test run.
    added[0]!(new RejectedForTest(secret), Promise.resolve());
    await waitFor(() => envelopesWith('RejectedForTest').length > 0);
    expect(received.filter((body) => body.includes(secret))).toEqual([]);
  });
});

describe('without SENTRY_DSN', () => {
  it('reports nothing and adds no process listener', async () => {
    const server = Hapi.server();
    const before = process.listenerCount('unhandledRejection');
    await server.register({
      plugin: errorReportingPlugin,
      options: { dsn: undefined, environment: 'test', release: '0' },
    });
    expect(process.listenerCount('unhandledRejection')).toBe(before);
    expect(() => server.app.errorReporter.report(new Error('nobody hears this'))).not.toThrow();
    await server.stop();
  });
});

describe('scrubEvent', () => {
  it('keeps types and frames, drops what can carry health data', () => {
    const secret = marker();
    const event = {
      type: undefined,
      message: secret,
      exception: {
        values: [
          {
            type: 'DatabaseError',
            value: `invalid input syntax: "${secret}"`,
            stacktrace: { frames: [{ function: 'save', filename: '/app/Service.js' }] },
          },
        ],
      },
      request: { url: `/x?q=${secret}`, data: secret, cookies: { a: secret }, headers: { b: secret } },
      user: { email: secret },
      breadcrumbs: [{ message: secret }],
      extra: { body: secret },
      tags: { code: '22P02' },
    } as unknown as ErrorEvent;
    const scrubbed = scrubEvent(event);
    expect(JSON.stringify(scrubbed)).not.toContain(secret);
    expect(scrubbed.exception?.values?.[0]).toMatchObject({
      type: 'DatabaseError',
      stacktrace: { frames: [{ function: 'save' }] },
    });
    expect(scrubbed.tags).toEqual({ code: '22P02' });
  });
});
