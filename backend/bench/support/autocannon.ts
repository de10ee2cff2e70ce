/**
 * autocannon 9, run from the bench process against one URL: the load generator of the
 * throughput rows. A run that got any answer but 2xx (or a connection error) throws: a
 * figure measured on 401s or 500s would be a figure for the wrong code path.
 */
import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
  headers?: Record<string, string>;
  connections: number;
  /** Seconds. */
  durationSeconds: number;
  /**
   * Paths cycled per connection (each connection starts at its own offset), to spread requests
   * over students or search terms; without it every request asks for `url`'s own path.
   */
  paths?: string[];
}

export interface LoadResult {
  requestsPerSecond: number;
  /** Milliseconds, whole: autocannon's histogram resolution is 1 ms. */
  latencyP50: number;
  latencyP99: number;
  requests: number;
  non2xx: number;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { paths } = options;
  let nextConnection = 0;
  const result = await autocannon({
    url: options.url,
    headers: options.headers,
    connections: options.connections,
    duration: options.durationSeconds,
    // Each connection walks the paths from its own starting point, so connections do not
    // ask for the same path in lockstep.
    ...(paths && paths.length > 0
      ? {
          setupClient(client: autocannon.Client) {
            const offset = (nextConnection++ * 7919) % paths.length;
            const rotated = [...paths.slice(offset), ...paths.slice(0, offset)];
            client.setRequests(rotated.map((path) => ({ method: 'GET', path })));
          },
        }
      : {}),
  });
  const failed = result.non2xx + result.errors;
  if (failed > 0) {
    const statuses = Object.entries(result.statusCodeStats ?? {})
      .map(([status, stat]) => `${status}: ${stat.count ?? 0}`)
      .join(', ');
    throw new Error(
      `autocannon on ${options.url}: ${result.non2xx} non-2xx answers (${statuses}), ${result.errors} connection errors (${result.timeouts} timeouts)`,
    );
  }
  return {
    requestsPerSecond: result.requests.average,
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
    requests: result['2xx'],
    non2xx: result.non2xx,
  };
}
