/**
 * Real socket.io clients for tests, typed with the shared event maps. Every socket a test
 * opens must be closed (closeAll) so the server can stop and the file can exit.
 */
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type {
  ClientToServerEvents,
  ServerToClientEvents,
} from '../../src/infrastructure/websocket/events.js';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type EventPayload<E extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[E]>[0];

const CONNECT_TIMEOUT_MS = 5_000;

/** The client's typed `on` cannot be narrowed over a generic event name, hence this loose view. */
interface Listenable {
  on(event: string, listener: (payload: never) => void): unknown;
  off(event: string, listener: (payload: never) => void): unknown;
}

/** Connects and resolves once `connection:confirmed` arrives; rejects with the connect_error. */
export function connectSocket(
  url: string,
  token: string | null,
  options: Partial<ManagerOptions & SocketOptions> = {},
): Promise<ClientSocket> {
  const socket: ClientSocket = io(url, {
    path: '/socket.io',
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    timeout: CONNECT_TIMEOUT_MS,
    ...(token === null ? {} : { auth: { token } }),
    ...options,
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      socket.close();
      reject(new Error('timed out waiting for connection:confirmed'));
    }, CONNECT_TIMEOUT_MS);
    const onConfirmed = () => {
      cleanup();
      resolve(socket);
    };
    const onError = (error: Error) => {
      cleanup();
      socket.close();
      reject(error);
    };
    const cleanup = () => {
      clearTimeout(timer);
      socket.off('connection:confirmed', onConfirmed);
      socket.off('connect_error', onError);
    };
    socket.once('connection:confirmed', onConfirmed);
    socket.once('connect_error', onError);
  });
}

/** The next `event` on the socket, or a rejection after timeoutMs. */
export function waitForEvent<E extends keyof ServerToClientEvents>(
  socket: ClientSocket,
  event: E,
  timeoutMs = 5_000,
): Promise<EventPayload<E>> {
  return new Promise((resolve, reject) => {
    const loose = socket as unknown as Listenable;
    const timer = setTimeout(() => {
      loose.off(event, listener);
      reject(new Error(`timed out waiting for ${event}`));
    }, timeoutMs);
    const listener = (payload: EventPayload<E>) => {
      clearTimeout(timer);
      loose.off(event, listener);
      resolve(payload);
    };
    loose.on(event, listener);
  });
}

/** A live array of every `event` payload the socket receives from now on. */
export function collect<E extends keyof ServerToClientEvents>(
  socket: ClientSocket,
  event: E,
): EventPayload<E>[] {
  const received: EventPayload<E>[] = [];
  (socket as unknown as Listenable).on(event, (payload: EventPayload<E>) => received.push(payload));
  return received;
}

/** Resolves once `predicate` holds, checking every 20 ms; rejects after timeoutMs. */
export async function waitUntil(
  predicate: () => boolean,
  timeoutMs = 5_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export function closeAll(sockets: Iterable<ClientSocket>): void {
  for (const socket of sockets) socket.close();
}
