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

const ENQUEUE_CHUNK = 500;

/** BullMQ refuses ':' in custom ids (its own repeat ids carry them). */
export const organizationExportJobId = (parentJobId: string, organizationId: string) =>
  `data-export-${parentJobId.replaceAll(':', '_')}-${organizationId}`;

export function createDataExportProcessor(services: DataExportServices): JobProcessor<'data-export'> {
  async function fanOut(data: Payload, job: Job<Payload>): Promise<ExportFanOutSummary> {
    const organizationIds = await services.organizationIds();
    for (let i = 0; i < organizationIds.length; i += ENQUEUE_CHUNK) {
      await services.enqueue(
        organizationIds.slice(i, i + ENQUEUE_CHUNK).map((organizationId) => ({
          data: { organizationId, target: data.target },
          options: { jobId: organizationExportJobId(String(job.id), organizationId) },
        })),
      );
    }
    return { target: data.target, organizations: organizationIds.length };
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
