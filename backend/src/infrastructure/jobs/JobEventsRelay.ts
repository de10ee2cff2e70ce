/**
 * Tells the person who asked for a job (report, export, sync) how it is going: BullMQ's
 * QueueEvents stream (progress, completed, failed) becomes `job:*` socket events to the
 * requester. Every API replica runs one and emits to its own sockets only, so a user hears
 * each event once whichever replica holds their socket. Jobs without `requestedBy` (the
 * sweeps) are nobody's and stay silent.
 */
import { QueueEvents } from 'bullmq';
import type { JobUpdate } from '../websocket/realtime.js';
import type { JobType } from './jobTypes.js';

export interface JobEventsRelayOptions {
  redisUrl: string;
  prefix: string;
  types: readonly JobType[];
  /** Looked up per event: the socket plugin registers after the jobs plugin. */
  send: (userId: string, update: JobUpdate) => void;
  /** Reads a job's requester (its data is in Redis). */
  requesterOf: (type: JobType, jobId: string) => Promise<string | null>;
  log: (tags: string[], message: string) => void;
}

const FAILED_MESSAGE = 'The job failed. An administrator can see why and retry it from the queue dashboard.';

export class JobEventsRelay {
  private readonly listeners: QueueEvents[] = [];
  /** A job reports progress many times; its requester is read from Redis once. */
  private readonly requesters = new Map<string, string | null>();

  constructor(private readonly options: JobEventsRelayOptions) {}

  start(): void {
    for (const type of this.options.types) {
      const events = new QueueEvents(type, {
        connection: { url: this.options.redisUrl, maxRetriesPerRequest: null },
        prefix: this.options.prefix,
      });
      events.on('error', (error) =>
        this.options.log(['jobs', 'warn'], `queue events ${type}: ${error.message}`),
      );
      events.on('progress', ({ jobId, data }) =>
        this.relay(type, jobId, {
          event: 'job:progress',
          payload: { jobId, type, progress: progressOf(data) },
        }),
      );
      events.on('completed', ({ jobId, returnvalue }) =>
        this.relay(type, jobId, { event: 'job:completed', payload: { jobId, type, result: returnvalue } }),
      );
      events.on('failed', ({ jobId }) =>
        this.relay(type, jobId, { event: 'job:failed', payload: { jobId, type, message: FAILED_MESSAGE } }),
      );
      this.listeners.push(events);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.listeners.map((events) => events.close().catch(() => undefined)));
    this.listeners.length = 0;
  }

  private async requesterCached(type: JobType, jobId: string): Promise<string | null> {
    const key = `${type}/${jobId}`;
    const cached = this.requesters.get(key);
    if (cached !== undefined) return cached;
    const userId = await this.options.requesterOf(type, jobId);
    if (this.requesters.size >= MAX_CACHED_REQUESTERS) this.requesters.clear();
    this.requesters.set(key, userId);
    return userId;
  }

  private relay(type: JobType, jobId: string, update: JobUpdate): void {
    this.requesterCached(type, jobId)
      .then((userId) => {
        if (userId) this.options.send(userId, update);
        if (update.event !== 'job:progress') this.requesters.delete(`${type}/${jobId}`);
      })
      .catch((error: Error) =>
        this.options.log(['jobs', 'warn'], `job event ${type}/${jobId}: ${error.message}`),
      );
  }
}

const MAX_CACHED_REQUESTERS = 1_000;

function progressOf(data: unknown): number | Record<string, unknown> {
  if (typeof data === 'number') return data;
  if (data && typeof data === 'object') return data as Record<string, unknown>;
  return 0;
}
