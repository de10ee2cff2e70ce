/**
 * The sis-sync job:
 * - no organization (the nightly sweep): fans out one job per organization (the SIS
 *   connection is deployment-wide, so for now every organization); job ids derive from this
 *   job's id, so a retried sweep enqueues nothing twice;
 * - one organization: the roster sync, reporting `{ page, processed }` as progress after each
 *   page and returning the counts. Idempotent: a retry reads the roster again and upserts by
 *   sourcedId, so nothing is created twice.
 * While no SIS is configured the job does nothing (the schedule is harmless). A failure no
 * retry can mend (a sync already running, credentials refused) fails at once.
 * Results hold counts only: they are kept in Redis and relayed to the requester's socket.
 */
import { UnrecoverableError, type Job } from 'bullmq';
import type { JobInput, JobPayloads } from '../jobTypes.js';
import type { AddJobOptions, JobProcessor } from '../QueueManager.js';
import { childJobId, fanOutToOrganizations } from './fanOut.js';

export interface SisSyncCounts {
  created: number;
  updated: number;
  deactivated: number;
  unchanged: number;
  /** Roster records that could not be stored (no usable name, birth date or grade). */
  skipped: number;
}

export interface SisSyncSummary extends SisSyncCounts {
  runId: string;
  /** What ran: a delta with no earlier successful run is a full sync. */
  mode: 'full' | 'delta';
}

export interface SisSyncSweepSummary {
  organizations: number;
  /** Why nothing was done, when nothing was. */
  skipped?: string;
}

export interface SisSyncServices {
  configured(): boolean;
  organizationIds(): Promise<string[]>;
  syncOrganization(
    organizationId: string,
    options: {
      mode: 'full' | 'delta';
      requestedBy: string | null;
      jobId: string;
      onProgress: (progress: { page: number; processed: number }) => Promise<void>;
    },
  ): Promise<SisSyncSummary>;
  /** A message when retrying `error` cannot help; null when it may. */
  permanentFailure(error: unknown): string | null;
  enqueue(jobs: ReadonlyArray<{ data: JobInput<'sis-sync'>; options: AddJobOptions }>): Promise<unknown>;
}

type Payload = JobPayloads['sis-sync'];

export const organizationSyncJobId = (parentJobId: string, organizationId: string) =>
  childJobId('sis-sync', parentJobId, organizationId);

export function createSisSyncProcessor(services: SisSyncServices): JobProcessor<'sis-sync'> {
  async function fanOut(data: Payload, job: Job<Payload>): Promise<SisSyncSweepSummary> {
    const organizations = await fanOutToOrganizations(
      await services.organizationIds(),
      {
        prefix: 'sis-sync',
        parentJobId: String(job.id),
        dataFor: (organizationId) => ({ organizationId, mode: data.mode }),
      },
      services.enqueue,
    );
    return { organizations };
  }

  return async (data, job) => {
    if (!services.configured()) return { organizations: 0, skipped: 'No SIS is configured' };
    if (data.organizationId === undefined) return fanOut(data, job);
    try {
      return await services.syncOrganization(data.organizationId, {
        mode: data.mode,
        requestedBy: data.requestedBy ?? null,
        jobId: String(job.id),
        onProgress: (progress) => job.updateProgress(progress),
      });
    } catch (error) {
      const permanent = services.permanentFailure(error);
      throw permanent === null ? error : new UnrecoverableError(permanent);
    }
  };
}
