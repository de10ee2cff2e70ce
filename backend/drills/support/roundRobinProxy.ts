/**
 * A small load balancer for the rolling-restart drill, behaving like a Kubernetes Service and
 * its endpoints controller: it polls every backend's /health/ready every 200 ms and sends new
 * requests and WebSocket upgrades round-robin to the ready ones only. Connections already
 * open (a socket on a draining replica) are left alone until the backend closes them.
 * Like most real load balancers, an idempotent request (GET, HEAD, OPTIONS) that could not be
 * delivered (refused, reset before any answer) is tried once more on another backend; a POST
 * never is. Each upstream request uses a fresh connection, so none is reused after a backend
 * has stopped accepting.
 */
import http from 'node:http';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import { freePort } from '../../src/startup/localProcess.js';

export interface RoundRobinProxy {
  url: string;
  /** Idempotent requests retried on another backend after a failed delivery. */
  retried(): number;
  /** Requests and upgrades sent to each backend, by backend url. */
  routed(): Record<string, number>;
  close(): Promise<void>;
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS']);
const PROBE_TIMEOUT_MS = 1_000;

interface Backend {
  url: URL;
  ready: boolean;
  routed: number;
}

async function probe(backend: Backend): Promise<void> {
  backend.ready = await fetch(new URL('/health/ready', backend.url), {
    signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
  }).then(
    async (r) => {
      await r.arrayBuffer();
      return r.status === 200;
    },
    () => false,
  );
}

function readBody(request: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

export async function startRoundRobinProxy(backendUrls: string[], pollMs = 200): Promise<RoundRobinProxy> {
  const backends: Backend[] = backendUrls.map((u) => ({ url: new URL(u), ready: false, routed: 0 }));
  await Promise.all(backends.map(probe));
  let polling = true;
  const poller = (async () => {
    while (polling) {
      await new Promise((resolve) => setTimeout(resolve, pollMs));
      await Promise.all(backends.map(probe));
    }
  })();

  let turn = 0;
  let retried = 0;
  /** The next ready backend; with none ready, any other one (better a try than a refusal). */
  const pick = (except?: Backend): Backend | undefined => {
    const candidates = backends.filter((b) => b !== except);
    const ready = candidates.filter((b) => b.ready);
    const pool = ready.length > 0 ? ready : candidates;
    const chosen = pool[turn++ % pool.length];
    if (chosen) chosen.routed += 1;
    return chosen;
  };
  const agent = new http.Agent({ keepAlive: false });

  const forward = (
    request: http.IncomingMessage,
    response: http.ServerResponse,
    body: Buffer,
    backend: Backend,
    attempt: number,
  ): void => {
    const upstream = http.request(
      {
        agent,
        host: backend.url.hostname,
        port: backend.url.port,
        method: request.method,
        path: request.url,
        headers: { ...request.headers, connection: 'close' },
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      const other = attempt === 0 && IDEMPOTENT.has(request.method ?? '') ? pick(backend) : undefined;
      if (other) {
        retried += 1;
        forward(request, response, body, other, attempt + 1);
        return;
      }
      response.writeHead(502).end();
    });
    upstream.end(body);
  };

  const sockets = new Set<Duplex>();
  const track = (socket: Duplex) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };

  const server = http.createServer((request, response) => {
    readBody(request).then(
      (body) => {
        const backend = pick();
        if (!backend) response.writeHead(503).end();
        else forward(request, response, body, backend, 0);
      },
      () => response.destroy(),
    );
  });
  server.on('connection', track);
  server.on('upgrade', (request: http.IncomingMessage, client: Duplex, head: Buffer) => {
    const backend = pick();
    if (!backend) {
      client.destroy();
      return;
    }
    const upstream = net.connect(Number(backend.url.port), backend.url.hostname);
    track(upstream);
    upstream.once('connect', () => {
      const headers: string[] = [];
      for (let i = 0; i < request.rawHeaders.length; i += 2) {
        headers.push(`${request.rawHeaders[i]}: ${request.rawHeaders[i + 1]}`);
      }
      upstream.write(
        `${request.method} ${request.url} HTTP/${request.httpVersion}\r\n${headers.join('\r\n')}\r\n\r\n`,
      );
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    // Either side closing closes the other: the client then reconnects through the proxy.
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });

  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    retried: () => retried,
    routed: () => Object.fromEntries(backends.map((b) => [b.url.origin, b.routed])),
    async close() {
      polling = false;
      await poller;
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
