/**
 * Handshake authentication: the same token check as REST. A refusal says only
 * 'unauthorized', whatever the reason, so a caller learns nothing about tokens or sessions.
 */
import type { SocketIdentity } from './realtime.js';
import type { IoSocket } from './types.js';

const MAX_TOKEN_LENGTH = 4_096;
const BEARER = /^Bearer\s+(\S+)$/i;

export function tokenFrom(socket: IoSocket): string | null {
  const auth = socket.handshake.auth as Record<string, unknown> | undefined;
  const fromAuth = auth?.token;
  const header = socket.handshake.headers.authorization;
  const token = typeof fromAuth === 'string' ? fromAuth : (header?.match(BEARER)?.[1] ?? null);
  if (!token || token.length > MAX_TOKEN_LENGTH) return null;
  return token;
}

export function authenticateSockets(
  verifyToken: (token: string) => Promise<SocketIdentity | null>,
  isClosing: () => boolean,
) {
  return async (socket: IoSocket, next: (error?: Error) => void): Promise<void> => {
    if (isClosing()) return next(new Error('server shutting down'));
    const token = tokenFrom(socket);
    const identity = token ? await verifyToken(token).catch(() => null) : null;
    if (!identity) return next(new Error('unauthorized'));
    socket.data = { ...identity };
    next();
  };
}
