/**
 * Emergency alert delivery to 1,000 connected sockets: the time from the POST until EVERY
 * socket has the alert, on one server and across two replicas (Redis streams adapter), beside
 * a bare socket.io server (no hapi, no auth, no Redis) doing `io.emit` to as many clients.
 * Clients and servers share this process, so the numbers include the clients' own work; the
 * ratio to the bare server is the meaningful figure.
 *
 * 1,000 sockets need about 2,000 file descriptors per scenario (both ends live here): if
 * `ulimit -n` is below 4096, raise it first (`ulimit -n 8192`) in the shell that runs this.
 * Run: cd backend && node --import tsx bench/alertDelivery.bench.ts
 */
import { execSync } from 'node:child_process';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server as IoServer } from 'socket.io';
import { io, type Socket } from 'socket.io-client';
import { percentile, printTable, withListeningBenchServer, type ListeningBench } from './harness.js';

const SOCKETS = 1_000;
const ALERTS = 30;
/** Rounds sent first and not counted: JIT warm-up of both ends. */
const WARMUP = 3;
const CONNECT_BATCH = 100;
const DELIVERY_TIMEOUT_MS = 15_000;
const MIN_FILE_DESCRIPTORS = 4_096;

interface Scenario {
  name: string;
  /** Time from just before the trigger until the last socket had it, one per alert. */
  timeToAll: number[];
  /** Every socket's own delivery time, over every alert. */
  perSocket: number[];
}

function checkFileDescriptors(): void {
  const limit = Number(execSync('ulimit -n', { shell: '/bin/sh' }).toString().trim());
  if (Number.isFinite(limit) && limit < MIN_FILE_DESCRIPTORS) {
    throw new Error(
      `ulimit -n is ${limit}; run \`ulimit -n 8192\` first (${SOCKETS} sockets, both ends here)`,
    );
  }
}

const now = () => performance.now();

function connectOne(url: string, token?: string): Promise<Socket> {
  const socket = io(url, {
    path: '/socket.io',
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    timeout: 20_000,
    ...(token ? { auth: { token } } : {}),
  });
  // The authenticated server confirms after its checks; the bare one has nothing to confirm.
  const ready = token ? 'connection:confirmed' : 'connect';
  return new Promise((resolve, reject) => {
    socket.once(ready, () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

async function connectMany(urls: string[], count: number, token?: string): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let i = 0; i < count; i += CONNECT_BATCH) {
    const batch = Array.from({ length: Math.min(CONNECT_BATCH, count - i) }, (_, j) =>
      connectOne(urls[(i + j) % urls.length]!, token),
    );
    sockets.push(...(await Promise.all(batch)));
  }
  return sockets;
}

async function raiseAndResolveAlerts(bench: ListeningBench, urls: string[], label: string) {
  const { token } = await benchNurse(bench);
  const connectStarted = now();
  const sockets = await connectMany(urls, SOCKETS, token);
  const connectMs = now() - connectStarted;
  const post = async (path: string, body?: object) => {
    const res = await fetch(`${bench.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body ?? {}),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { id: string };
  };
  try {
    const scenario = await measure(label, sockets, async (marker) => {
      const alert = await post('/api/v1/alerts', {
        type: 'OTHER',
        severity: 'HIGH',
        location: marker,
        description: 'Benchmark alert',
      });
      return async () => void (await post(`/api/v1/alerts/${alert.id}/resolve`));
    });
    return { scenario, connectMs };
  } finally {
    for (const socket of sockets) socket.close();
  }
}

/**
 * Sends WARMUP + ALERTS events, one at a time (the first WARMUP not counted); each carries a unique marker in `location`, and the
 * round ends when every socket has the event with that marker. `send` returns what to do
 * once all have it (the alerts are resolved, so they are neither replayed nor escalated).
 */
async function measure(
  label: string,
  sockets: Socket[],
  send: (marker: string) => Promise<() => Promise<void>>,
): Promise<Scenario> {
  const run = Date.now().toString(36);
  const scenario: Scenario = { name: label, timeToAll: [], perSocket: [] };
  for (let i = 0; i < WARMUP + ALERTS; i += 1) {
    const marker = `Bench room ${run}-${i}`;
    const received: number[] = [];
    let started = 0;
    const allReceived = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${label}: ${received.length}/${sockets.length} got event ${i}`)),
        DELIVERY_TIMEOUT_MS,
      );
      for (const socket of sockets) {
        const listener = (alert: { location: string }) => {
          if (alert.location !== marker) return;
          socket.off('emergency:alert', listener);
          received.push(now() - started);
          if (received.length === sockets.length) {
            clearTimeout(timer);
            resolve();
          }
        };
        socket.on('emergency:alert', listener);
      }
    });
    started = now();
    const after = await send(marker);
    await allReceived;
    if (i >= WARMUP) {
      scenario.timeToAll.push(Math.max(...received));
      scenario.perSocket.push(...received);
    }
    await after();
  }
  return scenario;
}

let nurseCounter = 0;
async function benchNurse(bench: ListeningBench): Promise<{ token: string }> {
  nurseCounter += 1;
  const org = await bench.server.plugins.organizations.service.createOrganization(
    `Bench District ${nurseCounter}`,
  );
  const email = `bench.nurse.${nurseCounter}@bench.example`;
  const password = 'bench-password-123';
  await bench.server.plugins.users.service.create(org.id, {
    email,
    name: 'Bench Nurse',
    role: 'NURSE',
    password,
  });
  const res = await fetch(`${bench.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`bench login: ${res.status}`);
  return (await res.json()) as { token: string };
}

async function rawSocketIo(): Promise<Scenario> {
  const http = createHttpServer();
  const ioServer = new IoServer(http, { path: '/socket.io', transports: ['websocket'], serveClient: false });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const sockets = await connectMany([url], SOCKETS);
  try {
    return await measure('raw socket.io, io.emit (no hapi, auth, Redis)', sockets, async (marker) => {
      ioServer.emit('emergency:alert', { location: marker });
      return async () => undefined;
    });
  } finally {
    for (const socket of sockets) socket.close();
    ioServer.close();
  }
}

function row(scenario: Scenario, raw: Scenario) {
  const sorted = [...scenario.timeToAll].sort((a, b) => a - b);
  const perSocket = [...scenario.perSocket].sort((a, b) => a - b);
  const rawP50 = percentile(
    [...raw.timeToAll].sort((a, b) => a - b),
    50,
  );
  const p50 = percentile(sorted, 50);
  return {
    scenario: scenario.name,
    'time-to-all p50 ms': p50.toFixed(1),
    'time-to-all p99 ms': percentile(sorted, 99).toFixed(1),
    'per-socket p50 ms': percentile(perSocket, 50).toFixed(1),
    'per-socket p99 ms': percentile(perSocket, 99).toFixed(1),
    'ratio to raw (p50)': (p50 / rawP50).toFixed(1),
  };
}

checkFileDescriptors();
const raw = await rawSocketIo();
const results = await withListeningBenchServer(async (bench) => {
  const single = await raiseAndResolveAlerts(
    bench,
    [bench.url],
    `1 replica: POST /api/v1/alerts -> ${SOCKETS} sockets`,
  );
  const replica = await bench.startReplica();
  const pair = await raiseAndResolveAlerts(
    bench,
    [bench.url, replica.url],
    `2 replicas (Redis streams adapter): POST to A -> ${SOCKETS / 2} + ${SOCKETS / 2} sockets`,
  );
  return { single, pair };
});

printTable(`Emergency alert delivery: ${ALERTS} alerts, ${SOCKETS} sockets (ms)`, [
  row(raw, raw),
  row(results.single.scenario, raw),
  row(results.pair.scenario, raw),
]);
printTable(`Connecting ${SOCKETS} authenticated sockets (websocket transport, batches of ${CONNECT_BATCH})`, [
  { scenario: '1 replica', 'total ms': results.single.connectMs.toFixed(0) },
  { scenario: '2 replicas', 'total ms': results.pair.connectMs.toFixed(0) },
]);
