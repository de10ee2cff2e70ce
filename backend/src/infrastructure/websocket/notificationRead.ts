/** The `notification:read` event: the socket twin of POST /api/v1/notifications/{id}/read. */
import type { NotificationReadAck } from './events.js';
import type { SocketIdentity, SocketPluginOptions } from './realtime.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function notificationReadHandler(
  identity: SocketIdentity,
  markRead: SocketPluginOptions['markNotificationRead'],
  log: (tags: string[], message: string) => void,
) {
  return async (payload: unknown, ack: unknown): Promise<void> => {
    // Clients are untrusted: the payload and the ack may be anything.
    const reply = typeof ack === 'function' ? (ack as (r: NotificationReadAck) => void) : () => undefined;
    const id = (payload as { id?: unknown } | null)?.id;
    if (typeof id !== 'string' || !UUID.test(id)) return reply({ ok: false, error: 'invalid id' });
    try {
      const marked = await markRead(identity, id);
      reply(marked ? { ok: true } : { ok: false, error: 'not found' });
    } catch (error) {
      log(
        ['websocket', 'error'],
        `notification:read failed: ${error instanceof Error ? error.name : 'error'}`,
      );
      reply({ ok: false, error: 'failed' });
    }
  };
}
