import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/testServer.js';

let t: TestServer;
const dist = mkdtempSync(path.join(tmpdir(), 'wc-spa-'));

beforeAll(async () => {
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(
    path.join(dist, 'index.html'),
    '<!doctype html><title>White Cross</title><div id="root"></div>',
  );
  writeFileSync(path.join(dist, 'assets', 'app-abc123.js'), 'console.log("app")');
  t = await startTestServer({ SPA_DIST_DIR: dist });
});
afterAll(() => t?.stop());

const html = { accept: 'text/html,application/xhtml+xml' };

describe('SPA serving', () => {
  it('serves index.html at / without caching', async () => {
    const res = await t.server.inject({ url: '/', headers: html });
    expect(res.statusCode).toBe(200);
    expect(res.payload).toContain('<title>White Cross</title>');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('falls back to index.html for client-side routes', async () => {
    for (const url of ['/students', '/students/123?tab=allergies', '/login']) {
      const res = await t.server.inject({ url, headers: html });
      expect(res.statusCode, url).toBe(200);
      expect(res.payload).toContain('<div id="root">');
    }
  });

  it('serves hashed assets with a long cache and 404s a missing one', async () => {
    const res = await t.server.inject({ url: '/assets/app-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('immutable');
    expect((await t.server.inject({ url: '/assets/missing.js', headers: html })).statusCode).toBe(404);
  });

  it('leaves /api and /health alone', async () => {
    const api = await t.server.inject({ url: '/api/v1/nothing-here', headers: html });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/json');
    const health = await t.server.inject({ url: '/health/live', headers: html });
    expect(health.result).toEqual({ status: 'alive' });
  });

  it('does not leak files outside the build folder', async () => {
    const res = await t.server.inject({ url: '/../../etc/passwd' });
    expect(res.payload).not.toContain('root:');
  });
});
