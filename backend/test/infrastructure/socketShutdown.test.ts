/** server.stop() tells connected clients to reconnect elsewhere before it drops them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, type TestOrganization } from '../helpers/fixtures.js';
import { startListeningServer, type ListeningTestServer } from '../helpers/listeningServer.js';
import { closeAll, connectSocket, type ClientSocket } from '../helpers/socketClient.js';

let t: ListeningTestServer;
let org: TestOrganization;
const opened: ClientSocket[] = [];

beforeAll(async () => {
  t = await startListeningServer();
  org = await createOrganization(t.server);
});
afterAll(async () => {
  closeAll(opened);
  await t.stop();
});

describe('shutdown', () => {
  it('sends server:shutdown to a connected client, then disconnects it', async () => {
    const socket = await connectSocket(t.url, org.nurse.token);
    opened.push(socket);
    const order: string[] = [];
    const done = new Promise<void>((resolve) => {
      socket.on('server:shutdown', (payload) => {
        expect(payload.reconnectInMs).toBeGreaterThan(0);
        order.push('server:shutdown');
      });
      socket.on('disconnect', (reason) => {
        order.push(`disconnect:${reason}`);
        resolve();
      });
    });
    await t.server.stop();
    await done;
    expect(order).toEqual(['server:shutdown', 'disconnect:io server disconnect']);
    expect(t.server.plugins.websocket.getConnectedSocketsCount()).toBe(0);
  });
});
