import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeSocketFactory, type FakeSocketFactory } from '@/testing/fakeSocket';
import { WebSocketService, type ConnectionState } from './WebSocketService';

function setup() {
  const fake = createFakeSocketFactory();
  const service = new WebSocketService(fake.factory, {
    reconnectionDelay: 500,
    reconnectionDelayMax: 10_000,
    randomizationFactor: 0.5,
    ackTimeoutMs: 1_000,
  });
  const states: ConnectionState[] = [];
  service.subscribe((state) => states.push(state));
  return { fake, service, states };
}

describe('WebSocketService', () => {
  let fake: FakeSocketFactory;
  let service: WebSocketService;
  let states: ConnectionState[];

  beforeEach(() => {
    ({ fake, service, states } = setup());
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('connects with the token, backoff and jitter, and reports CONNECTING then CONNECTED', () => {
    expect(service.getState()).toBe('DISCONNECTED');
    service.connect('token-1');

    const socket = fake.latest();
    expect(socket.options).toMatchObject({
      path: '/socket.io',
      auth: { token: 'token-1' },
      reconnection: true,
      reconnectionDelay: 500,
      reconnectionDelayMax: 10_000,
      randomizationFactor: 0.5,
      forceNew: true,
    });
    expect(socket.connectCalls).toBe(1);
    expect(service.getState()).toBe('CONNECTING');

    socket.serverConnect();
    expect(service.getState()).toBe('CONNECTED');
    expect(states).toEqual(['CONNECTING', 'CONNECTED']);
  });

  it('does not open a second connection for the same token', () => {
    service.connect('token-1');
    service.connect('token-1');
    expect(fake.sockets).toHaveLength(1);
    expect(fake.latest().connectCalls).toBe(1);
  });

  it('is RECONNECTING when the transport drops, and CONNECTED again after the Manager reconnects', () => {
    service.connect('token-1');
    const socket = fake.latest();
    socket.serverConnect();

    socket.serverDisconnect('transport close');
    expect(service.getState()).toBe('RECONNECTING');
    socket.io.emitReserved('reconnect_attempt', 3);
    expect(service.getReconnectAttempt()).toBe(3);
    socket.io.emitReserved('error', new Error('xhr poll error'));
    expect(service.getLastError()).toBe('xhr poll error');
    expect(service.getState()).toBe('RECONNECTING');

    socket.io.emitReserved('reconnect', 3);
    socket.serverConnect();
    expect(service.getState()).toBe('CONNECTED');
    expect(service.getReconnectAttempt()).toBe(0);
  });

  it('gives up with ERROR once the Manager has used every attempt', () => {
    service.connect('token-1');
    fake.latest().io.emitReserved('reconnect_failed');
    expect(service.getState()).toBe('ERROR');
  });

  it('stops with ERROR on an unauthorized handshake instead of retrying', () => {
    service.connect('revoked');
    const socket = fake.latest();

    socket.connectError('unauthorized');

    expect(service.getState()).toBe('ERROR');
    expect(service.getLastError()).toBe('unauthorized');
    expect(socket.active).toBe(false);
  });

  it('keeps retrying (RECONNECTING) when the server cannot be reached', () => {
    service.connect('token-1');
    fake.latest().connectError('xhr poll error');
    expect(service.getState()).toBe('RECONNECTING');
  });

  it('is RECONNECTING on server:shutdown and comes back after the announced delay', () => {
    vi.useFakeTimers();
    service.connect('token-1');
    const socket = fake.latest();
    socket.serverConnect();

    socket.serverEmit('server:shutdown', { reconnectInMs: 2_000 });
    expect(service.getState()).toBe('RECONNECTING');
    socket.serverDisconnect('io server disconnect');
    expect(service.getState()).toBe('RECONNECTING');
    expect(socket.connectCalls).toBe(1);

    // Jittered between 2 s and 3 s.
    vi.advanceTimersByTime(1_999);
    expect(socket.connectCalls).toBe(1);
    vi.advanceTimersByTime(1_001);
    expect(socket.connectCalls).toBe(2);
    socket.serverConnect();
    expect(service.getState()).toBe('CONNECTED');
  });

  it('stays DISCONNECTED when the server ends the socket without a shutdown (e.g. logout elsewhere)', () => {
    service.connect('token-1');
    const socket = fake.latest();
    socket.serverConnect();
    socket.serverDisconnect('io server disconnect');
    expect(service.getState()).toBe('DISCONNECTED');
  });

  it('re-authenticates on updateToken: new auth, a fresh handshake', () => {
    service.connect('token-1');
    const socket = fake.latest();
    socket.serverConnect();

    service.updateToken('token-2');

    expect(socket.auth).toEqual({ token: 'token-2' });
    expect(socket.connectCalls).toBe(2);
    expect(service.getState()).toBe('CONNECTING');
    expect(states).not.toContain('DISCONNECTED');
    socket.serverConnect();
    expect(service.getState()).toBe('CONNECTED');
    // connect() with another token does the same.
    service.connect('token-3');
    expect(socket.auth).toEqual({ token: 'token-3' });
    expect(fake.sockets).toHaveLength(1);
  });

  it('disconnects on sign-out and connects afresh for the next session', () => {
    service.connect('token-1');
    const first = fake.latest();
    first.serverConnect();

    service.disconnect();

    expect(service.getState()).toBe('DISCONNECTED');
    expect(first.connected).toBe(false);
    expect(first.active).toBe(false);
    expect(first.anyListenerCount()).toBe(0);
    expect(first.io.listenerCount('reconnect_attempt')).toBe(0);

    service.connect('token-2');
    expect(fake.sockets).toHaveLength(2);
    expect(fake.latest().auth).toEqual({ token: 'token-2' });
  });

  it('dispatches typed server events to subscribers until they unsubscribe', () => {
    const handler = vi.fn();
    // Subscribing before the connection exists is fine: handlers outlive sockets.
    const stop = service.on('health:notification', handler);
    service.connect('token-1');
    const socket = fake.latest();
    const notification = { id: 'n1', type: 'INFO', title: 'Hello', message: 'World', createdAt: 'now' };

    socket.serverEmit('health:notification', notification);
    socket.serverEmit('medication:reminder', { studentId: 's1' });
    expect(handler).toHaveBeenCalledExactlyOnceWith(notification);

    stop();
    socket.serverEmit('health:notification', notification);
    expect(handler).toHaveBeenCalledOnce();
  });

  it('emits notification:read and resolves with the acknowledgement', async () => {
    service.connect('token-1');
    const socket = fake.latest();
    socket.serverConnect();

    const result = service.markNotificationRead('n1');
    const sent = socket.emitted[0];
    expect(sent?.event).toBe('notification:read');
    expect(sent?.args[0]).toEqual({ id: 'n1' });
    (sent?.args[1] as (ack: unknown) => void)({ ok: true });

    await expect(result).resolves.toEqual({ ok: true });
  });

  it('rejects an emit when offline or when the server does not answer', async () => {
    await expect(service.markNotificationRead('n1')).rejects.toThrow('not open');

    vi.useFakeTimers();
    service.connect('token-1');
    fake.latest().serverConnect();
    const result = service.markNotificationRead('n1');
    vi.advanceTimersByTime(1_000);
    await expect(result).rejects.toThrow('did not answer');
  });
});
