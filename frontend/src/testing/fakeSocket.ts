import type { AppSocket, AppSocketOptions, SocketFactory } from '@/services/websocket/WebSocketService';

type Listener = (...args: unknown[]) => void;

class FakeEmitter {
  private readonly listeners = new Map<string, Set<Listener>>();

  on(event: string, listener: Listener): this {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener);
    this.listeners.set(event, set);
    return this;
  }

  off(event: string, listener: Listener): this {
    this.listeners.get(event)?.delete(listener);
    return this;
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.size ?? 0;
  }

  protected fire(event: string, ...args: unknown[]): void {
    [...(this.listeners.get(event) ?? [])].forEach((listener) => listener(...args));
  }
}

/** The Manager side: the reconnection events a real socket.io Manager emits. */
export class FakeManager extends FakeEmitter {
  emitReserved(event: 'reconnect_attempt' | 'reconnect' | 'reconnect_failed' | 'error', ...args: unknown[]) {
    this.fire(event, ...args);
  }
}

/**
 * Just enough of a socket.io-client Socket for WebSocketService, plus methods that play the
 * server's part: serverConnect(), serverEmit(), serverDisconnect(), connectError().
 */
export class FakeSocket extends FakeEmitter {
  readonly io = new FakeManager();
  auth: unknown;
  connected = false;
  active = false;
  connectCalls = 0;
  readonly emitted: Array<{ event: string; args: unknown[] }> = [];
  private readonly anyListeners = new Set<Listener>();

  constructor(readonly options: AppSocketOptions) {
    super();
    this.auth = options.auth;
  }

  onAny(listener: Listener): this {
    this.anyListeners.add(listener);
    return this;
  }

  offAny(listener: Listener): this {
    this.anyListeners.delete(listener);
    return this;
  }

  connect(): this {
    this.connectCalls += 1;
    this.active = true;
    return this;
  }

  disconnect(): this {
    const wasConnected = this.connected;
    this.connected = false;
    this.active = false;
    if (wasConnected) this.fire('disconnect', 'io client disconnect');
    return this;
  }

  emit(event: string, ...args: unknown[]): this {
    this.emitted.push({ event, args });
    return this;
  }

  // The server's part.
  serverConnect(): void {
    this.connected = true;
    this.fire('connect');
  }

  serverEmit(event: string, ...args: unknown[]): void {
    [...this.anyListeners].forEach((listener) => listener(event, ...args));
  }

  /** 'transport close' keeps the socket active (the Manager retries); 'io server disconnect' does not. */
  serverDisconnect(reason: string): void {
    this.connected = false;
    if (reason === 'io server disconnect') this.active = false;
    this.fire('disconnect', reason);
  }

  /** A refused handshake ('unauthorized') ends the socket; a transport failure is retried. */
  connectError(message: string): void {
    if (message === 'unauthorized') this.active = false;
    this.fire('connect_error', new Error(message));
  }

  anyListenerCount(): number {
    return this.anyListeners.size;
  }
}

export interface FakeSocketFactory {
  factory: SocketFactory;
  sockets: FakeSocket[];
  /** The socket created last; throws when none was. */
  latest(): FakeSocket;
}

export function createFakeSocketFactory(): FakeSocketFactory {
  const sockets: FakeSocket[] = [];
  return {
    sockets,
    factory: (options) => {
      const socket = new FakeSocket(options);
      sockets.push(socket);
      return socket as unknown as AppSocket;
    },
    latest: () => {
      const socket = sockets.at(-1);
      if (!socket) throw new Error('No socket was created');
      return socket;
    },
  };
}
