/**
 * One HTTP request with exactly the bytes given (node:http, not fetch, which would refuse or
 * normalise hostile paths and bodies), answering how it ended: a status, a hang (no answer
 * within the timeout) or a connection error (the server dropped it without an answer).
 */
import http from 'node:http';

export interface RawRequest {
  method: string;
  /** Path and query, as sent on the request line. */
  path: string;
  headers?: Record<string, string>;
  body?: Buffer;
}

const EARLY_ANSWER_BYTES = 64 * 1024;
const EARLY_ANSWER_WAIT_MS = 150;

export type RawOutcome =
  { kind: 'status'; status: number } | { kind: 'hung' } | { kind: 'error'; code: string };

export function sendRaw(
  origin: URL,
  request: RawRequest,
  options: { agent: http.Agent; timeoutMs: number },
): Promise<RawOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: RawOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const headers: Record<string, string> = { ...request.headers };
    if (request.body) headers['content-length'] = String(request.body.length);
    let req: http.ClientRequest;
    try {
      req = http.request({
        host: origin.hostname,
        port: origin.port,
        method: request.method,
        path: request.path,
        headers,
        agent: options.agent,
      });
    } catch (error) {
      // The client itself refuses the request line (e.g. a raw control character): nothing was sent.
      resolve({ kind: 'error', code: `client-${(error as NodeJS.ErrnoException).code ?? 'refused'}` });
      return;
    }
    const timer = setTimeout(() => {
      settle({ kind: 'hung' });
      req.destroy();
    }, options.timeoutMs);
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => {
        settle({ kind: 'status', status: res.statusCode ?? 0 });
        // Answered before the body went out: this connection is spent.
        if (!req.writableEnded) req.destroy();
      });
      res.on('error', () => settle({ kind: 'status', status: res.statusCode ?? 0 }));
    });
    // A server that answers early (413) may close while we still write: the answer, if any, wins.
    req.on('error', (error: NodeJS.ErrnoException) => {
      setTimeout(() => settle({ kind: 'error', code: error.code ?? 'error' }), 50);
    });
    if (!request.body || request.body.length < EARLY_ANSWER_BYTES) {
      req.end(request.body);
      return;
    }
    // A server refuses a large body from its headers alone (401, 413) and may close while we
    // still write: give it a moment to answer first, as a client sending Expect would.
    req.flushHeaders();
    setTimeout(() => {
      if (!settled) req.end(request.body);
    }, EARLY_ANSWER_WAIT_MS);
  });
}
