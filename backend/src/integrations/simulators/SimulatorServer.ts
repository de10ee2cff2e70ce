/**
 * A small node:http server under each simulator: it records every request that reaches it
 * (method, path, arrival time, status), applies the injected faults, then hands the request
 * to the simulator. Paths under `/__` are its control surface, never faulted or recorded:
 *   GET /__requests, DELETE /__requests    what arrived
 *   GET /__faults, POST /__faults, DELETE /__faults    fault injection (see faults.ts)
 * plus whatever the simulator adds (`/__roster/...`, `/__registry/...`, `/__medicaid/...`).
 */
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultInjector, FaultSettingsError } from './faults.js';

export interface SimRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** `http://host:port` as the client addressed us, for links in answers. */
  origin: string;
}

export interface SimResponse {
  status: number;
  headers?: Record<string, string>;
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
}

/** Answers a request, or undefined for "no such route" (404). */
export type SimHandler = (request: SimRequest) => SimResponse | undefined | Promise<SimResponse | undefined>;

export interface RecordedRequest {
  method: string;
  path: string;
  /** Epoch ms when the request arrived (before any injected latency). */
  at: number;
  /** The answer's status; 0 when the connection was dropped. */
  status: number;
  idempotencyKey: string | undefined;
}

const MAX_BODY_BYTES = 5 * 1024 * 1024;

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): SimResponse => ({
  status,
  body,
  headers,
});

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, answer: SimResponse): void {
  const headers = { ...answer.headers };
  let body = '';
  if (typeof answer.body === 'string') body = answer.body;
  else if (answer.body !== undefined) {
    body = JSON.stringify(answer.body);
    headers['content-type'] ??= 'application/json';
  }
  res.writeHead(answer.status, headers);
  res.end(body);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class SimulatorServer {
  readonly faults = new FaultInjector();
  readonly requests: RecordedRequest[] = [];
  /**
   * Told of each request as it arrives, before its faults are decided: a drill can switch an
   * outage on at an exact point (after page k) and this very request already meets it.
   */
  onRequest: ((request: RecordedRequest) => void) | null = null;
  private readonly server: http.Server;
  private address: string | null = null;

  constructor(
    readonly name: string,
    private readonly handler: SimHandler,
    private readonly control: SimHandler = () => undefined,
  ) {
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch(() => {
        if (!res.headersSent) send(res, json(500, { error: 'simulator failure' }));
        else res.destroy();
      });
    });
  }

  /** `http://127.0.0.1:<port>`; port 0 picks a free one. */
  async listen(port = 0, host = '127.0.0.1'): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    const { port: actual } = this.server.address() as AddressInfo;
    this.address = `http://${host}:${actual}`;
    return this.address;
  }

  get url(): string {
    if (!this.address) throw new Error(`${this.name} simulator is not listening`);
    return this.address;
  }

  async close(): Promise<void> {
    if (!this.server.listening) return;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    // Keep-alive sockets would hold close() open until they time out.
    this.server.closeAllConnections();
    await closed;
  }

  /** Requests to paths starting with `prefix` (all when omitted). */
  requestsTo(prefix = '/'): RecordedRequest[] {
    return this.requests.filter((r) => r.path.startsWith(prefix));
  }

  clearRequests(): void {
    this.requests.length = 0;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const url = new URL(req.url ?? '/', 'http://simulator');
    const request: SimRequest = {
      method: (req.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: '',
      origin: `http://${req.headers.host ?? 'localhost'}`,
    };
    if (request.path.startsWith('/__')) {
      request.body = await readBody(req);
      send(res, (await this.controlRoute(request)) ?? json(404, { error: 'no such control route' }));
      return;
    }

    const key = req.headers['idempotency-key'];
    const record: RecordedRequest = {
      method: request.method,
      path: request.path,
      at,
      status: 0,
      idempotencyKey: typeof key === 'string' ? key : undefined,
    };
    this.requests.push(record);
    this.onRequest?.(record);
    const decision = this.faults.decide(at);
    request.body = await readBody(req);
    if (this.faults.settings.latencyMs > 0) await sleep(this.faults.settings.latencyMs);
    if (decision.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    const answer =
      decision.kind === 'status'
        ? json(decision.status, { error: 'injected fault' }, decision.headers)
        : ((await this.handler(request)) ?? json(404, { error: 'not found' }));
    record.status = answer.status;
    send(res, answer);
  }

  private async controlRoute(request: SimRequest): Promise<SimResponse | undefined> {
    const { method, path } = request;
    if (path === '/__requests' && method === 'GET') return json(200, { requests: this.requests });
    if (path === '/__requests' && method === 'DELETE') {
      this.clearRequests();
      return { status: 204 };
    }
    if (path === '/__faults' && method === 'GET') return json(200, this.faults.settings);
    if (path === '/__faults' && method === 'DELETE') {
      this.faults.reset();
      return { status: 204 };
    }
    if (path === '/__faults' && method === 'POST') {
      try {
        return json(200, this.faults.set(JSON.parse(request.body || '{}') as never));
      } catch (error) {
        const message = error instanceof FaultSettingsError ? error.message : 'body must be JSON';
        return json(400, { error: message });
      }
    }
    return this.control(request);
  }
}
