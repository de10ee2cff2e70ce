/**
 * Takes a simulator down at an exact point and brings it back on the same address, the way a
 * SIS host dies mid-sync and restarts: after `afterRequests` answered requests to `path`, the
 * next one has its connection dropped and the listener closes (new connections are refused).
 */
import type { OneRosterSimulator } from '../../src/integrations/simulators/index.js';

export interface SimulatorOutage {
  /** Resolves when the simulator has gone down. */
  down: Promise<void>;
  /** Requests to `path` answered before it went down. */
  answeredBefore(): number;
  /** Listens again on the same port; requests pass once more. */
  restore(): Promise<void>;
}

export function outageAfter(
  simulator: OneRosterSimulator,
  options: { path: string; afterRequests: number },
): SimulatorOutage {
  const server = simulator.server;
  const port = Number(new URL(server.url).port);
  let seen = 0;
  let answered = 0;
  let markDown: () => void = () => undefined;
  const down = new Promise<void>((resolve) => {
    markDown = resolve;
  });
  server.onRequest = (request) => {
    if (!request.path.endsWith(options.path)) return;
    seen += 1;
    if (seen <= options.afterRequests) return;
    server.onRequest = null;
    answered = server.requestsTo('/').filter((r) => r.path.endsWith(options.path) && r.status === 200).length;
    // This request meets the outage too: its connection is dropped, not answered.
    server.faults.set({ outage: true, outageMode: 'reset' });
    void simulator.close().then(markDown);
  };
  return {
    down,
    answeredBefore: () => answered,
    async restore() {
      await down;
      server.faults.reset();
      await simulator.listen(port);
    },
  };
}
