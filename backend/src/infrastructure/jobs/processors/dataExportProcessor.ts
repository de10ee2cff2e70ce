/**
 * The data-export job: sends data to an outside system through the integrations. Today one
 * target, `state-registry`: an organization's immunizations the registry has not accepted.
 * Thin like a route: it checks the target, hands the work to the exporter it was given and
 * reports progress (a percentage) as records go out.
 * - one organization (on demand, or a schedule's child job): the export itself;
 * - no organization (a schedule): one job per organization, with ids derived from this job's,
 *   so a retry of the sweep enqueues nothing twice.
 *
 * Idempotent by the exporter's claims: every record is claimed with its message control id
 * before it is sent, so a retry re-sends only what has no answer yet, under the same id.
 * A failure retrying cannot fix (no registry configured, credentials refused) fails the job
 * at once; anything else (registry unreachable) is retried with backoff. The result holds
 * counts only: it is relayed to the requester's socket and kept in Redis.
 */
import { UnrecoverableError, type Job } from 'bullmq';
import type { JobInput, JobPayloads } from '../jobTypes.js';
import type { AddJobOptions, JobProcessor } from '../QueueManager.js';
import { childJobId, fanOutToOrganizations } from './fanOut.js';

export interface RegistryExportSummary {
  target: 'state-registry';
  /** Records in scope that were not already accepted. */
  considered: number;
  /** Messages the registry answered. */
  sent: number;
  accepted: number;
  /** Accepted with errors to correct (AE): the nurse sees the registry's text. */
  errors: number;
  /** Refused (AR). */
  rejected: number;
  /** Not sendable as they stand (e.g. a dose given here without its lot), with the reason stored. */
  notSent: number;
  /** Needing nothing now, or being sent by another worker. */
  skipped: number;
}

export interface ExportFanOutSummary {
  target: 'state-registry';
  organizations: number;
}

type Payload = JobPayloads['data-export'];

export interface StateRegistryExporter {
  exportImmunizations(
    request: Omit<Payload, 'target' | 'organizationId'> & { organizationId: string; jobId: string },
    onProgress: (done: number, total: number) => Promise<void>,
  ): Promise<RegistryExportSummary>;
  /** True when a retry cannot succeed; the error's message is safe to keep (no health data). */
  isPermanent(error: unknown): boolean;
}

export interface DataExportServices {
  stateRegistry: StateRegistryExporter;
  organizationIds(): Promise<string[]>;
  enqueue(jobs: ReadonlyArray<{ data: JobInput<'data-export'>; options: AddJobOptions }>): Promise<unknown>;
}

export const organizationExportJobId = (parentJobId: string, organizationId: string) =>
  childJobId('data-export', parentJobId, organizationId);

export function createDataExportProcessor(services: DataExportServices): JobProcessor<'data-export'> {
  async function fanOut(data: Payload, job: Job<Payload>): Promise<ExportFanOutSummary> {
    const organizations = await fanOutToOrganizations(
      await services.organizationIds(),
      {
        prefix: 'data-export',
        parentJobId: String(job.id),
        dataFor: (organizationId) => ({ organizationId, target: data.target }),
      },
      services.enqueue,
    );
    return { target: data.target, organizations };
  }

  return async (data, job) => {
    if (data.target !== 'state-registry')
      throw new UnrecoverableError(`Unknown export target ${data.target}`);
    const { target: _target, organizationId, ...scope } = data;
    if (organizationId === undefined) return fanOut(data, job);

    const exporter = services.stateRegistry;
    // Each change of the percentage is one socket event: at most 100 of them, however many records.
    let reported = -1;
    const onProgress = async (done: number, total: number) => {
      const percent = Math.round((done / Math.max(total, 1)) * 100);
      if (percent === reported) return;
      reported = percent;
      await job.updateProgress(percent);
    };
    try {
      return await exporter.exportImmunizations(
        { ...scope, organizationId, jobId: String(job.id) },
        onProgress,
      );
    } catch (error) {
      if (exporter.isPermanent(error)) throw new UnrecoverableError((error as Error).message);
      throw error;
    }
  };
}
