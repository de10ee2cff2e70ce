/**
 * The bare library the alert broadcast is measured against: node's HTTP server with socket.io
 * attached and nothing else (no hapi, no auth, no database). `POST /emit` broadcasts its JSON
 * body to every socket as `emergency:alert` and answers 204, so the trigger costs an HTTP
 * request on this side too. With `--redis-url`, the broadcast goes through the same Redis
 * streams adapter package as the app's, under the key prefix given (one stream per run).
 *
 * Prints `{"port": N}` on stdout once listening; stops on SIGTERM.
 * Run: node --import tsx bench/baselines/rawSocketIo.ts [--redis-url URL --key-prefix P]
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import { Server } from 'socket.io';

const { values: args } = parseArgs({
  options: { 'redis-url': { type: 'string' }, 'key-prefix': { type: 'string' } },
});

async function bodyOf(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString());
}

const http = createServer();
const io = new Server(http, { path: '/socket.io', transports: ['websocket'], serveClient: false });

const redis = args['redis-url'] ? new Redis(args['redis-url'], { keyPrefix: args['key-prefix'] }) : null;
if (redis) {
  io.adapter(
    createAdapter(redis, {
      // Pub/sub channels ignore the key prefix: the run's own prefix keeps it apart, as in the app.
      channelPrefix: `${args['key-prefix']}socket.io`,
      streamName: 'socket.io',
    }),
  );
}

http.on('request', (request, response) => {
  if (request.method !== 'POST' || request.url !== '/emit') {
    response.writeHead(404).end();
    return;
  }
  bodyOf(request).then(
    (alert) => {
      io.emit('emergency:alert', alert);
      response.writeHead(204).end();
    },
    () => response.writeHead(400).end(),
  );
});

http.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (http.address() as AddressInfo).port })}\n`);
});

process.once('SIGTERM', () => {
  io.local.disconnectSockets(true);
  // io.close() closes the HTTP server too; the adapter's readers go with the Redis connection.
  void io.close().finally(() => {
    redis?.disconnect();
    process.exit(0);
  });
});
