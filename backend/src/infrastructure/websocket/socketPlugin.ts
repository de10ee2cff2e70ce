/**
 * The Socket.io server, attached to hapi's own listener (one port for REST and sockets).
 * Lifecycle follows the server's: the Redis adapter connects on start; on stop every local
 * socket is told to reconnect elsewhere, then dropped, before hapi closes the listener.
 */
import type { Plugin, Server as HapiServer } from '@hapi/hapi';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Server } from 'socket.io';
import type { HealthRegistry } from '../monitoring/healthCheck.js';
import { createAdapterRedis, type AdapterRedis } from './adapterRedis.js';
import { handleConnection } from './connectionHandler.js';
import type { SocketPluginOptions } from './realtime.js';
import { createRealtime } from './realtimeApi.js';
import { authenticateSockets } from './socketAuth.js';
import { websocketHealthCheck } from './socketHealth.js';
import type { IoServer } from './types.js';

/**
 * A connection that drops (network) is recovered within this window, missed broadcasts
 * included; after it, or when a replica shuts down and disconnects its sockets on purpose (no
 * session is kept then), the socket gets the open alerts replayed on connect instead.
 */
const MAX_DISCONNECTION_MS = 2 * 60_000;
/** Clients wait this long (plus jitter on their side) before reconnecting to another replica. */
const RECONNECT_IN_MS = 1_000;
/** How long start-up waits for the adapter's Redis before going on without it. */
const REDIS_READY_TIMEOUT_MS = 2_000;
/** How long shutdown waits for clients to receive their last packets. */
const DRAIN_TIMEOUT_MS = 2_000;
/** Emitted by the auth module; listened to by name so infrastructure never imports a module. */
const SESSION_ENDED_EVENT = 'session-ended';

export const socketPlugin: Plugin<SocketPluginOptions> = {
  name: 'websocket',
  dependencies: ['redis'],
  register(server, options) {
    const { config, health } = server.app;
    let closing = false;
    let adapterRedis: AdapterRedis | null = null;
    const io: IoServer = new Server(server.listener, {
      path: '/socket.io',
      transports: ['websocket', 'polling'],
      // Same origin only unless CORS origins are configured, as for REST.
      cors:
        config.corsOrigins.length > 0 ? { origin: [...config.corsOrigins], credentials: true } : undefined,
      pingInterval: config.socket.pingIntervalMs,
      pingTimeout: config.socket.pingTimeoutMs,
      serveClient: false,
      connectionStateRecovery: { maxDisconnectionDuration: MAX_DISCONNECTION_MS },
    });
    const log = (tags: string[], message: string) => server.log(tags, message);
    io.use(authenticateSockets(options.verifyToken, () => closing));
    io.on('connection', handleConnection(options, log));

    const realtime = createRealtime(io);
    for (const [name, method] of Object.entries(realtime)) server.expose(name, method);

    server.events.on(SESSION_ENDED_EVENT, (event: { sessionId: string }) => {
      realtime.disconnectSession(event.sessionId).catch(() => undefined);
    });
    registerHealth(health, io, () => adapterRedis);

    server.ext('onPreStart', async () => {
      adapterRedis = createAdapterRedis(config);
      await adapterRedis.whenReady(REDIS_READY_TIMEOUT_MS);
      io.adapter(
        createAdapter(adapterRedis.client, {
          // Pub/sub channels ignore the key prefix, so the prefix is repeated here: replicas
          // of one deployment (or one test file) talk to each other and to nobody else.
          channelPrefix: `${config.redis.keyPrefix}socket.io`,
          streamName: 'socket.io',
          sessionKeyPrefix: 'socket.io:session:',
        }),
      );
      // The adapter's reader and subscriber connect now; a stop right after start must not
      // cut them off mid-handshake (their pending SUBSCRIBE would reject unhandled).
      await adapterRedis.whenReady(REDIS_READY_TIMEOUT_MS);
    });
    server.ext('onPreStop', async () => {
      closing = true;
      await shutDownSockets(server, io);
    });
    server.ext('onPostStop', async () => {
      await adapterRedis?.close();
    });
  },
};

function registerHealth(health: HealthRegistry, io: IoServer, adapter: () => AdapterRedis | null) {
  health.register(websocketHealthCheck(() => io.of('/').sockets.size, adapter));
}

async function shutDownSockets(server: HapiServer, io: IoServer): Promise<void> {
  io.local.emit('server:shutdown', { reconnectInMs: RECONNECT_IN_MS });
  io.local.disconnectSockets(true);
  // Each connection closes once its last packets (the shutdown notice, the disconnect) are
  // flushed; engine.close() would discard them, so it only sweeps up what is left after a wait.
  await waitUntilDrained(io, DRAIN_TIMEOUT_MS);
  // Not io.close(): it would close hapi's listener too, which hapi closes itself after onPreStop.
  await Promise.resolve(io.of('/').adapter.close()).catch(() => undefined);
  io.engine.close();
  server.log(['websocket', 'info'], 'sockets closed');
}

async function waitUntilDrained(io: IoServer, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (io.engine.clientsCount > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
