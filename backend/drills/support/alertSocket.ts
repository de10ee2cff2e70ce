/**
 * A nurse's browser tab, as far as alerts go: a socket.io client that reconnects the way the
 * SPA's WebSocketService does (the Manager's backoff after a lost transport; after a server's
 * `server:shutdown` notice, a jittered reconnect of its own once the server has let go) and
 * remembers the id of every `emergency:alert` it receives, live or replayed on (re)connect.
 */
import { io, type Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  ServerToClientEvents,
} from '../../src/infrastructure/websocket/events.js';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface AlertSocket {
  /** Every alert id received so far. */
  readonly received: Set<string>;
  /** Confirmed connections after the first one. */
  reconnects(): number;
  connected(): boolean;
  close(): void;
}

const CONNECT_TIMEOUT_MS = 10_000;
/** The SPA's defaults (WebSocketService). */
const RECONNECTION = { reconnectionDelay: 1_000, reconnectionDelayMax: 5_000, randomizationFactor: 0.5 };

export function connectAlertSocket(url: string, token: string): Promise<AlertSocket> {
  const socket: ClientSocket = io(url, {
    path: '/socket.io',
    transports: ['websocket'],
    forceNew: true,
    reconnection: true,
    ...RECONNECTION,
    timeout: CONNECT_TIMEOUT_MS,
    auth: { token },
  });
  const received = new Set<string>();
  let confirmations = 0;
  let shutdownNotice: { reconnectInMs: number } | null = null;
  let closed = false;

  socket.on('emergency:alert', (alert) => received.add(alert.id));
  socket.on('server:shutdown', (notice) => (shutdownNotice = notice));
  socket.on('disconnect', (reason) => {
    // The Manager does not come back after the server ended the socket; the SPA does when the
    // server said it was shutting down (another replica will answer).
    if (reason !== 'io server disconnect' || !shutdownNotice || closed) return;
    const base = Math.max(shutdownNotice.reconnectInMs, RECONNECTION.reconnectionDelay);
    const delay = base * (1 + Math.random() * RECONNECTION.randomizationFactor);
    shutdownNotice = null;
    setTimeout(() => {
      if (!closed && !socket.connected) socket.connect();
    }, delay);
  });

  const handle: AlertSocket = {
    received,
    reconnects: () => Math.max(confirmations - 1, 0),
    connected: () => socket.connected,
    close() {
      closed = true;
      socket.close();
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      handle.close();
      reject(new Error('the alert socket was not confirmed in time'));
    }, CONNECT_TIMEOUT_MS);
    socket.on('connection:confirmed', () => {
      confirmations += 1;
      if (confirmations > 1) return;
      clearTimeout(timer);
      resolve(handle);
    });
  });
}
