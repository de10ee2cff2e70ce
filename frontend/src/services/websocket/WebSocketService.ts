import type {
  ClientToServerEvents,
  NotificationReadAck,
  ServerToClientEvents,
} from '@white-cross/backend/events';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';

export type ConnectionState = 'DISCONNECTED' | 'CONNECTING' | 'CONNECTED' | 'RECONNECTING' | 'ERROR';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type AppSocketOptions = Partial<ManagerOptions & SocketOptions>;
/** Builds the socket; tests pass a fake so no server is needed. */
export type SocketFactory = (options: AppSocketOptions) => AppSocket;

export type ServerEvent = keyof ServerToClientEvents;
type AnyHandler = (...args: unknown[]) => void;

/** The acknowledgement each client -> server event is answered with. */
type AckResult<E extends keyof ClientToServerEvents> = ClientToServerEvents[E] extends (
  payload: never,
  ack: (result: infer R) => void,
) => void
  ? R
  : never;
type EmitPayload<E extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[E]>[0];

export interface WebSocketServiceOptions {
  /** Backoff: the first retry waits about this long, doubling up to reconnectionDelayMax. */
  reconnectionDelay?: number;
  reconnectionDelayMax?: number;
  /** Jitter: each delay is spread by ± this fraction, so a restarted replica is not stampeded. */
  randomizationFactor?: number;
  /** How long an emit waits for the server's acknowledgement. */
  ackTimeoutMs?: number;
}

const UNAUTHORIZED = 'unauthorized';

const defaultFactory: SocketFactory = (options) => io(options);

/**
 * The one Socket.io connection of the SPA, typed with the server's event maps. It knows
 * nothing about React, screens or the query cache: features subscribe with on()/off() and
 * decide what an event means for them; the app layer connects it to the session.
 */
export class WebSocketService {
  private socket: AppSocket | null = null;
  private token: string | null = null;
  private state: ConnectionState = 'DISCONNECTED';
  private lastError: string | null = null;
  private reconnectAttempt = 0;
  private shutdownTimer: ReturnType<typeof setTimeout> | null = null;
  private serverShuttingDown: { reconnectInMs: number } | null = null;
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();
  private readonly handlers = new Map<ServerEvent, Set<AnyHandler>>();
  private readonly options: Required<WebSocketServiceOptions>;

  constructor(
    private readonly createSocket: SocketFactory = defaultFactory,
    options: WebSocketServiceOptions = {},
  ) {
    this.options = {
      reconnectionDelay: 1_000,
      reconnectionDelayMax: 30_000,
      randomizationFactor: 0.5,
      ackTimeoutMs: 5_000,
      ...options,
    };
  }

  // Arrow properties: React's useSyncExternalStore receives them unbound.
  readonly getState = (): ConnectionState => this.state;

  readonly subscribe = (listener: (state: ConnectionState) => void): (() => void) => {
    this.stateListeners.add(listener);
    return () => {
      this.stateListeners.delete(listener);
    };
  };

  /** Why the connection last failed ('unauthorized', 'xhr poll error', ...); null when it never did. */
  getLastError(): string | null {
    return this.lastError;
  }

  getReconnectAttempt(): number {
    return this.reconnectAttempt;
  }

  /** Connects with the session token; the same token again is a no-op, another one re-authenticates. */
  connect(token: string): void {
    if (this.socket && this.token === token && this.state !== 'ERROR' && this.state !== 'DISCONNECTED') {
      return;
    }
    if (this.socket) {
      this.updateToken(token);
      return;
    }
    this.token = token;
    this.lastError = null;
    this.socket = this.createSocket({
      path: '/socket.io',
      auth: { token },
      autoConnect: false,
      // A new Manager per connection: a cached one would reuse the previous user's auth.
      forceNew: true,
      reconnection: true,
      reconnectionDelay: this.options.reconnectionDelay,
      reconnectionDelayMax: this.options.reconnectionDelayMax,
      randomizationFactor: this.options.randomizationFactor,
    });
    this.attach(this.socket);
    this.setState('CONNECTING');
    this.socket.connect();
  }

  /** Re-authenticates: the new token is sent on a fresh handshake. */
  updateToken(token: string): void {
    const socket = this.socket;
    if (!socket) {
      this.connect(token);
      return;
    }
    this.token = token;
    this.lastError = null;
    this.clearShutdownTimer();
    socket.auth = { token };
    // The socket's own disconnect event would report DISCONNECTED; this is a reconnect.
    this.detachSocketEvents(socket);
    socket.disconnect();
    this.attachSocketEvents(socket);
    this.setState('CONNECTING');
    socket.connect();
  }

  /** Closes the connection for good (sign-out); handlers stay registered for the next session. */
  disconnect(): void {
    const socket = this.socket;
    this.clearShutdownTimer();
    this.socket = null;
    this.token = null;
    this.reconnectAttempt = 0;
    if (socket) {
      this.detach(socket);
      socket.disconnect();
    }
    this.setState('DISCONNECTED');
  }

  /** Listens for a server event, across reconnects and sessions; returns the unsubscribe. */
  on<E extends ServerEvent>(event: E, handler: ServerToClientEvents[E]): () => void {
    let handlers = this.handlers.get(event);
    if (!handlers) {
      handlers = new Set();
      this.handlers.set(event, handlers);
    }
    handlers.add(handler as AnyHandler);
    return () => this.off(event, handler);
  }

  off<E extends ServerEvent>(event: E, handler: ServerToClientEvents[E]): void {
    const handlers = this.handlers.get(event);
    handlers?.delete(handler as AnyHandler);
    if (handlers?.size === 0) this.handlers.delete(event);
  }

  /** Sends a client event and resolves with the server's acknowledgement (or a timeout error). */
  emitWithAck<E extends keyof ClientToServerEvents>(
    event: E,
    payload: EmitPayload<E>,
  ): Promise<AckResult<E>> {
    const socket = this.socket;
    if (!socket || this.state !== 'CONNECTED') {
      return Promise.reject(new Error('The live connection is not open.'));
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('The server did not answer in time.')),
        this.options.ackTimeoutMs,
      );
      const ack = (result: AckResult<E>) => {
        clearTimeout(timer);
        resolve(result);
      };
      (socket.emit as (event: string, ...args: unknown[]) => unknown)(event, payload, ack);
    });
  }

  /** `notification:read` over the socket; REST `POST /notifications/{id}/read` does the same. */
  markNotificationRead(id: string): Promise<NotificationReadAck> {
    return this.emitWithAck('notification:read', { id });
  }

  private setState(next: ConnectionState): void {
    if (next === this.state) return;
    this.state = next;
    this.stateListeners.forEach((listener) => listener(next));
  }

  private clearShutdownTimer(): void {
    if (this.shutdownTimer) clearTimeout(this.shutdownTimer);
    this.shutdownTimer = null;
    this.serverShuttingDown = null;
  }

  private attach(socket: AppSocket): void {
    this.attachSocketEvents(socket);
    socket.onAny(this.dispatch);
    socket.io.on('reconnect_attempt', this.onReconnectAttempt);
    socket.io.on('reconnect', this.onReconnect);
    socket.io.on('reconnect_failed', this.onReconnectFailed);
    socket.io.on('error', this.onManagerError);
  }

  private detach(socket: AppSocket): void {
    this.detachSocketEvents(socket);
    socket.offAny(this.dispatch);
    socket.io.off('reconnect_attempt', this.onReconnectAttempt);
    socket.io.off('reconnect', this.onReconnect);
    socket.io.off('reconnect_failed', this.onReconnectFailed);
    socket.io.off('error', this.onManagerError);
  }

  private attachSocketEvents(socket: AppSocket): void {
    socket.on('connect', this.onConnect);
    socket.on('disconnect', this.onDisconnect);
    socket.on('connect_error', this.onConnectError);
  }

  private detachSocketEvents(socket: AppSocket): void {
    socket.off('connect', this.onConnect);
    socket.off('disconnect', this.onDisconnect);
    socket.off('connect_error', this.onConnectError);
  }

  private readonly dispatch = (event: string, ...args: unknown[]): void => {
    if (event === 'server:shutdown') this.onServerShutdown(args[0]);
    // A copy: a handler may unsubscribe while we iterate.
    const handlers = [...(this.handlers.get(event as ServerEvent) ?? [])];
    handlers.forEach((handler) => handler(...args));
  };

  private readonly onConnect = (): void => {
    this.clearShutdownTimer();
    this.reconnectAttempt = 0;
    this.lastError = null;
    this.setState('CONNECTED');
  };

  private readonly onDisconnect = (reason: string): void => {
    const socket = this.socket;
    if (!socket) return;
    if (reason === 'io server disconnect') {
      // The server ended this socket. During a shutdown we come back (another replica answers);
      // otherwise (logout elsewhere, deactivation) we stay out and the next REST call says why.
      if (this.serverShuttingDown) {
        this.scheduleReconnectAfterShutdown(socket, this.serverShuttingDown.reconnectInMs);
        this.setState('RECONNECTING');
      } else {
        this.setState('DISCONNECTED');
      }
      return;
    }
    if (reason === 'io client disconnect') {
      this.setState('DISCONNECTED');
      return;
    }
    // Transport closed, ping timeout...: the Manager reconnects with backoff.
    this.setState(socket.active ? 'RECONNECTING' : 'DISCONNECTED');
  };

  private readonly onConnectError = (error: Error): void => {
    this.lastError = error.message;
    const socket = this.socket;
    if (error.message === UNAUTHORIZED || !socket) {
      // Retrying a refused token only earns more refusals; the app's 401 handling signs out.
      this.clearShutdownTimer();
      socket?.disconnect();
      this.setState('ERROR');
      return;
    }
    this.setState(socket.active ? 'RECONNECTING' : 'ERROR');
  };

  private onServerShutdown(payload: unknown): void {
    const reconnectInMs =
      typeof payload === 'object' && payload !== null && 'reconnectInMs' in payload
        ? Number((payload as { reconnectInMs: unknown }).reconnectInMs)
        : 0;
    this.serverShuttingDown = { reconnectInMs: Number.isFinite(reconnectInMs) ? reconnectInMs : 0 };
    this.setState('RECONNECTING');
  }

  private scheduleReconnectAfterShutdown(socket: AppSocket, reconnectInMs: number): void {
    if (this.shutdownTimer) clearTimeout(this.shutdownTimer);
    const { randomizationFactor, reconnectionDelay, reconnectionDelayMax } = this.options;
    const base = Math.max(reconnectInMs, reconnectionDelay);
    // Jittered, so every client of a stopping replica does not arrive at the same instant.
    const delay = Math.min(base * (1 + Math.random() * randomizationFactor), reconnectionDelayMax);
    this.shutdownTimer = setTimeout(() => {
      this.shutdownTimer = null;
      if (this.socket === socket && !socket.connected) socket.connect();
    }, delay);
  }

  private readonly onReconnectAttempt = (attempt: number): void => {
    this.reconnectAttempt = attempt;
    this.setState('RECONNECTING');
  };

  private readonly onReconnect = (): void => {
    this.reconnectAttempt = 0;
  };

  private readonly onReconnectFailed = (): void => {
    this.setState('ERROR');
  };

  private readonly onManagerError = (error: Error): void => {
    this.lastError = error.message;
  };
}
