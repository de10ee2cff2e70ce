/**
 * A Socket.io handshake as the SPA makes it (`auth: { token }`), or with the token in an
 * Authorization header instead: accepted means the server confirmed the connection
 * (`connection:confirmed`); refused means connect_error; nothing within the wait is refused too.
 */
import { io, type Socket } from 'socket.io-client';

const WAIT_MS = 3_000;

export type Credentials = { token: string } | { header: string };

export function openSocket(url: string, credentials: Credentials): Socket {
  return io(url, {
    path: '/socket.io',
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    timeout: WAIT_MS,
    ...('token' in credentials
      ? { auth: { token: credentials.token } }
      : { extraHeaders: { authorization: credentials.header } }),
  });
}

/** Whether the handshake was confirmed; the socket is closed either way. */
export async function handshakeAccepted(url: string, credentials: Credentials): Promise<boolean> {
  const socket = openSocket(url, credentials);
  try {
    return await confirmed(socket);
  } finally {
    socket.close();
  }
}

/** Resolves true on connection:confirmed, false on connect_error or after the wait. */
export function confirmed(socket: Socket): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (accepted: boolean) => {
      clearTimeout(timer);
      socket.off('connection:confirmed', onConfirmed);
      socket.off('connect_error', onRefused);
      resolve(accepted);
    };
    const onConfirmed = () => done(true);
    const onRefused = () => done(false);
    const timer = setTimeout(() => done(false), WAIT_MS);
    socket.once('connection:confirmed', onConfirmed);
    socket.once('connect_error', onRefused);
  });
}

/** Resolves true once the server drops the socket, false if it is still connected after the wait. */
export function droppedWithin(socket: Socket, ms = WAIT_MS): Promise<boolean> {
  if (!socket.connected) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      socket.off('disconnect', onDisconnect);
      resolve(false);
    }, ms);
    const onDisconnect = () => {
      clearTimeout(timer);
      resolve(true);
    };
    socket.once('disconnect', onDisconnect);
  });
}
