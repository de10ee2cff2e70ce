/**
 * The bare library the API rows are measured against: @hapi/hapi with no plugins, no auth, no
 * audit, no logging. `GET /bare` answers a small JSON object; `GET /redis/{key}` is one
 * ioredis GET of a stored JSON string (the bench stores a copy of a cached student profile),
 * parsed and answered as JSON, as the app's cache-aside read does on a hit; 404 if missing.
 *
 * Prints `{"port": N}` on stdout once listening; stops on SIGTERM.
 * Run: node --import tsx bench/baselines/bareHapi.ts --redis-url URL --key-prefix P
 */
import Hapi from '@hapi/hapi';
import { Redis } from 'ioredis';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: { 'redis-url': { type: 'string' }, 'key-prefix': { type: 'string' } },
});

const redis = new Redis(args['redis-url'] ?? 'redis://127.0.0.1:6379', { keyPrefix: args['key-prefix'] });
const server = Hapi.server({ host: '127.0.0.1', port: 0 });

server.route([
  {
    method: 'GET',
    path: '/bare',
    handler: () => ({ status: 'ok', service: 'bare-hapi', time: new Date().toISOString() }),
  },
  {
    method: 'GET',
    path: '/redis/{key}',
    async handler(request, h) {
      const raw = await redis.get(request.params.key as string);
      return raw === null ? h.response().code(404) : (JSON.parse(raw) as object);
    },
  },
]);

await server.start();
process.stdout.write(`${JSON.stringify({ port: server.info.port })}\n`);

process.once('SIGTERM', () => {
  void server.stop().finally(() => {
    redis.disconnect();
    process.exit(0);
  });
});
