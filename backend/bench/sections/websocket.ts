/**
 * Sockets: connecting 1,000 authenticated sockets, and an emergency alert from its POST until
 * EVERY one of 1,000 sockets has it, on one replica and on two (500 + 500, POST to A, over the
 * Redis streams adapter), each beside the bare library in the same run: a node HTTP server with
 * socket.io whose `POST /emit` does `io.emit` (bench/baselines/rawSocketIo.ts), alone for one
 * replica, as two processes over the same adapter package and Redis for two.
 *
 * Servers are child processes, the clients live here. The app's and the raw rounds alternate,
 * so both sides see the same machine (other load included). Each alert is resolved once every
 * socket has it, so it is neither replayed to the next sockets nor escalated.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { io, type Socket } from 'socket.io-client';
import { deleteKeysMatching } from '../../src/config/redisKeys.js';
import { startBaseline, type BaselineServer } from '../support/baselineProcess.js';
import type { BenchContext, BenchRow, BenchSection } from '../support/context.js';

const SOCKETS = 1_000;
/** Sockets connected and closed before the measured 1,000: JIT warm-up of both ends. */
const WARMUP_SOCKETS = 50;
/** Connections opened at once; each socket's latency counts from its own start. */
const CONNECTS_IN_FLIGHT = 100;
const WARMUP_ROUNDS = 5;
const ROUNDS = 100;
const DELIVERY_TIMEOUT_MS = 15_000;
const CONNECT_TIMEOUT_MS = 20_000;
const RAW_SERVER = 'bench/baselines/rawSocketIo.ts';
/** Issue 10: alert delivery p99 at most 1.5x the raw broadcast's. */
const MAX_DELIVERY_RATIO = 1.5;

const now = () => performance.now();

/** Nearest-rank percentile. */
function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

// --- Clients -------------------------------------------------------------------------------

/** Sockets spread over one or more servers, each with one standing alert listener. */
interface Fleet {
  /** Each socket's time from its start until ready (`connect` raw, `connection:confirmed` app). */
  connectMs: number[];
  totalConnectMs: number;
  /** Resolves with the moment the last socket received the alert carrying `marker`. */
  expect(marker: string): Promise<number>;
  close(): void;
}

function connectOne(url: string, token: string | undefined): Promise<Socket> {
  const socket = io(url, {
    path: '/socket.io',
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    timeout: CONNECT_TIMEOUT_MS,
    ...(token ? { auth: { token } } : {}),
  });
  // The app confirms after its token and session checks; the bare server has nothing to confirm.
  const ready = token ? 'connection:confirmed' : 'connect';
  return new Promise((resolve, reject) => {
    socket.once(ready, () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

async function connectFleet(urls: string[], count: number, token?: string): Promise<Fleet> {
  const sockets: Socket[] = [];
  const connectMs: number[] = [];
  const started = now();
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (next < count && !failed) {
      const index = next++;
      const socketStarted = now();
      try {
        sockets[index] = await connectOne(urls[index % urls.length]!, token);
      } catch (error) {
        failed = true;
        throw error;
      }
      connectMs[index] = now() - socketStarted;
    }
  };
  // Settled, not raced: after a failure the other workers' sockets must exist to be closed.
  const outcomes = await Promise.allSettled(
    Array.from({ length: Math.min(CONNECTS_IN_FLIGHT, count) }, worker),
  );
  const failure = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failure) {
    for (const socket of sockets) socket?.close();
    throw failure.reason;
  }
  const totalConnectMs = now() - started;

  let round: { marker: string; seen: Uint8Array; left: number; done: () => void } | null = null;
  sockets.forEach((socket, index) => {
    socket.on('emergency:alert', (alert: { location?: string }) => {
      if (!round || alert.location !== round.marker || round.seen[index]) return;
      round.seen[index] = 1;
      round.left -= 1;
      if (round.left === 0) round.done();
    });
  });
  return {
    connectMs,
    totalConnectMs,
    expect(marker) {
      return new Promise((resolve, reject) => {
        const expected = {
          marker,
          seen: new Uint8Array(count),
          left: count,
          done: () => {
            const at = now();
            clearTimeout(timer);
            round = null;
            resolve(at);
          },
        };
        const timer = setTimeout(() => {
          if (round === expected) round = null;
          reject(new Error(`alert ${marker}: ${expected.left} of ${count} sockets never got it`));
        }, DELIVERY_TIMEOUT_MS);
        round = expected;
      });
    },
    close: () => sockets.forEach((socket) => socket.close()),
  };
}

// --- Servers -------------------------------------------------------------------------------

/** One side of the comparison: where its sockets connect, and how an alert is set off. */
interface Broadcaster {
  urls: string[];
  token?: string;
  /** Sends the alert carrying `marker`; resolves with what to do once every socket has it. */
  raise(marker: string): Promise<() => Promise<void>>;
}

async function post(url: string, body: unknown, token?: string): Promise<Response> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${await response.text()}`);
  return response;
}

function appBroadcaster(urls: string[], token: string): Broadcaster {
  return {
    urls,
    token,
    async raise(marker) {
      const response = await post(
        `${urls[0]}/api/v1/alerts`,
        { type: 'OTHER', severity: 'HIGH', location: marker, description: 'Benchmark alert' },
        token,
      );
      const { id } = (await response.json()) as { id: string };
      return async () => void (await post(`${urls[0]}/api/v1/alerts/${id}/resolve`, {}, token));
    },
  };
}

/** The raw side emits a body shaped and sized like the app's alert payload. */
function rawAlert(marker: string) {
  return {
    id: randomUUID(),
    type: 'OTHER',
    severity: 'HIGH',
    location: marker,
    description: 'Benchmark alert',
    studentId: null,
    studentName: null,
    raisedBy: { userId: randomUUID(), name: 'Bench Nurse' },
    createdAt: new Date().toISOString(),
    status: 'OPEN',
    escalated: false,
    acknowledgements: [],
  };
}

function rawBroadcaster(urls: string[]): Broadcaster {
  return {
    urls,
    async raise(marker) {
      await post(`${urls[0]}/emit`, rawAlert(marker));
      return async () => undefined;
    },
  };
}

type RawServer = BaselineServer;

const startRawServer = (args: string[] = []): Promise<RawServer> => startBaseline(RAW_SERVER, args);

// --- Measuring -----------------------------------------------------------------------------

/** One alert: from just before the trigger until the last socket had it. */
async function deliverOnce(side: Broadcaster, fleet: Fleet, marker: string): Promise<number> {
  const everyoneHasIt = fleet.expect(marker);
  // Awaited below; if the trigger throws first, its rejection must not go unhandled.
  everyoneHasIt.catch(() => undefined);
  const started = now();
  const afterwards = await side.raise(marker);
  const finished = await everyoneHasIt;
  await afterwards();
  return finished - started;
}

/** Alternates the sides round by round; returns each side's counted time-to-all samples. */
async function deliveryRounds(sides: Array<{ side: Broadcaster; fleet: Fleet }>): Promise<number[][]> {
  const samples = sides.map(() => [] as number[]);
  const run = Date.now().toString(36);
  for (let i = 0; i < WARMUP_ROUNDS + ROUNDS; i += 1) {
    for (const [index, { side, fleet }] of sides.entries()) {
      const elapsed = await deliverOnce(side, fleet, `Bench room ${run}-${index}-${i}`);
      if (i >= WARMUP_ROUNDS) samples[index]!.push(elapsed);
    }
  }
  return samples;
}

async function warmUpConnects(urls: string[], token?: string): Promise<void> {
  (await connectFleet(urls, WARMUP_SOCKETS, token)).close();
}

// --- Rows ----------------------------------------------------------------------------------

const ms = (value: number) => `${value.toFixed(1)} ms`;

function row(metric: string, seedTarget: string, ours: number, raw: number, maxRatio?: number): BenchRow {
  const ratio = ours / raw;
  return {
    section: 'WebSocket',
    metric,
    seedTarget,
    ours: ms(ours),
    raw: ms(raw),
    ratio,
    target: maxRatio ? `<= ${maxRatio}x` : '',
    met: maxRatio ? ratio <= maxRatio : null,
  };
}

function deliveryRows(label: string, ours: number[], raw: number[]): BenchRow[] {
  const metric = (p: string) => `alert POST -> all ${SOCKETS.toLocaleString('en')} sockets, ${p} (${label})`;
  return [
    row(metric('p50'), '< 100 ms', percentile(ours, 50), percentile(raw, 50)),
    row(metric('p99'), '< 100 ms', percentile(ours, 99), percentile(raw, 99), MAX_DELIVERY_RATIO),
  ];
}

function connectRows(ours: Fleet, raw: Fleet): BenchRow[] {
  const count = SOCKETS.toLocaleString('en');
  return [
    row(
      `connect ${count} authenticated sockets, per-socket p99 (${CONNECTS_IN_FLIGHT} in flight)`,
      '< 500 ms',
      percentile(ours.connectMs, 99),
      percentile(raw.connectMs, 99),
    ),
    row(`connect ${count} authenticated sockets, total`, '', ours.totalConnectMs, raw.totalConnectMs),
  ];
}

// --- Scenarios -----------------------------------------------------------------------------

/** Connects the raw fleet, then the app's, measuring both; rounds alternate between them. */
async function compare(ours: Broadcaster, raw: Broadcaster) {
  await warmUpConnects(raw.urls);
  await warmUpConnects(ours.urls, ours.token);
  const rawFleet = await connectFleet(raw.urls, SOCKETS);
  try {
    const ourFleet = await connectFleet(ours.urls, SOCKETS, ours.token);
    try {
      const [ourSamples, rawSamples] = await deliveryRounds([
        { side: ours, fleet: ourFleet },
        { side: raw, fleet: rawFleet },
      ]);
      return { ourFleet, rawFleet, ourSamples: ourSamples!, rawSamples: rawSamples! };
    } finally {
      ourFleet.close();
    }
  } finally {
    rawFleet.close();
  }
}

async function oneReplica(ctx: BenchContext, token: string): Promise<BenchRow[]> {
  const raw = await startRawServer();
  try {
    const result = await compare(appBroadcaster([ctx.app.url], token), rawBroadcaster([raw.url]));
    return [
      ...connectRows(result.ourFleet, result.rawFleet),
      ...deliveryRows('1 replica', result.ourSamples, result.rawSamples),
    ];
  } finally {
    await raw.stop();
  }
}

async function twoReplicas(ctx: BenchContext, token: string): Promise<BenchRow[]> {
  const replica = await ctx.startReplica();
  // The raw pair's own stream and channels, under the run's prefix; removed afterwards.
  const keyPrefix = `${ctx.env.keyPrefix}bench:raw-socket.io:${process.pid}:`;
  const adapterArgs = ['--redis-url', ctx.env.redisUrl, '--key-prefix', keyPrefix];
  const raws: RawServer[] = [];
  try {
    raws.push(await startRawServer(adapterArgs), await startRawServer(adapterArgs));
    const result = await compare(
      appBroadcaster([ctx.app.url, replica.url], token),
      rawBroadcaster(raws.map((r) => r.url)),
    );
    const label = `2 replicas over Redis, ${SOCKETS / 2} + ${SOCKETS / 2}`;
    return deliveryRows(label, result.ourSamples, result.rawSamples);
  } finally {
    await Promise.all(raws.map((r) => r.stop()));
    await removeKeys(ctx.env.redisUrl, keyPrefix);
  }
}

async function removeKeys(redisUrl: string, keyPrefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { keyPrefix });
  try {
    await deleteKeysMatching(redis, '*');
  } finally {
    redis.disconnect();
  }
}

export const websocketSection: BenchSection = {
  name: 'websocket',
  async run(ctx) {
    const nurse = ctx.district.nurses[0];
    if (!nurse) throw new Error('the bench district has no nurse to raise alerts');
    return [...(await oneReplica(ctx, nurse.token)), ...(await twoReplicas(ctx, nurse.token))];
  },
};
