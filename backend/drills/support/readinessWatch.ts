/**
 * Polls a replica's /health/ready the way a Kubernetes readiness probe does (but every 100 ms)
 * and keeps what a drill asks about it: how often it went down and came back, and for how long
 * it was not ready.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export interface ReadinessWatch {
  wentDown(): number;
  cameBack(): number;
  isReady(): boolean;
  notReadyMs(): number;
  stop(): Promise<void>;
}

/** Longer than the app's own per-check bound (2 s), so a slow answer is not taken for none. */
const PROBE_TIMEOUT_MS = 3_000;

async function probe(url: string): Promise<boolean> {
  return fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) }).then(
    async (r) => {
      await r.arrayBuffer();
      return r.status === 200;
    },
    () => false,
  );
}

export function watchReadiness(url: string, intervalMs = 100): ReadinessWatch {
  let ready = true;
  let downSince: number | null = null;
  let notReadyMs = 0;
  let wentDown = 0;
  let cameBack = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const now = await probe(url);
      if (ready && !now) {
        wentDown += 1;
        downSince = performance.now();
      } else if (!ready && now) {
        cameBack += 1;
        notReadyMs += performance.now() - downSince!;
        downSince = null;
      }
      ready = now;
      await sleep(intervalMs);
    }
  })();
  return {
    wentDown: () => wentDown,
    cameBack: () => cameBack,
    isReady: () => ready,
    notReadyMs: () => notReadyMs + (downSince === null ? 0 : performance.now() - downSince),
    async stop() {
      running = false;
      await loop;
    },
  };
}
