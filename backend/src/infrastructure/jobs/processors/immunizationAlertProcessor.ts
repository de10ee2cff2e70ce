/**
 * The immunization-alert job:
 * - no organization (the nightly sweep): fans out one job per organization, so a large
 *   district is retried on its own and the work spreads over the replicas' workers; the job
 *   ids derive from this job's id, so a retry of the sweep enqueues nothing twice;
 * - one organization: the service recomputes compliance and notifies the nurses of students
 *   newly DUE or OVERDUE and of exemptions expiring within `daysAhead` days. Every notice
 *   carries a dedupe key and the status change is recorded with it, so a retry or a second
 *   run tells nobody anything new.
 * The summary holds counts only: job return values are kept in Redis and shown to admins.
 */
import type { Job } from 'bullmq';
import type { JobInput, JobPayloads } from '../jobTypes.js';
import type { AddJobOptions, JobProcessor } from '../QueueManager.js';

export interface ImmunizationAlertSummary {
  organizations: number;
  students: number;
  /** Students whose status moved to DUE / OVERDUE in this run. */
  newlyDue: number;
  newlyOverdue: number;
  /** Exemptions expiring soon that nurses were told of for the first time. */
  expiringExemptions: number;
  /** Notification rows created by this run (one per nurse per alert). */
  notifications: number;
}

export interface ImmunizationAlertServices {
  organizationIds(): Promise<string[]>;
  alertOrganization(organizationId: string, daysAhead: number): Promise<ImmunizationAlertSummary>;
  enqueue(
    jobs: ReadonlyArray<{ data: JobInput<'immunization-alert'>; options: AddJobOptions }>,
  ): Promise<unknown>;
}

type Payload = JobPayloads['immunization-alert'];

const ENQUEUE_CHUNK = 500;

/** BullMQ refuses ':' in custom ids (its own repeat ids carry them). */
export const organizationAlertJobId = (parentJobId: string, organizationId: string) =>
  `immunization-alert-${parentJobId.replaceAll(':', '_')}-${organizationId}`;

export function createImmunizationAlertProcessor(
  services: ImmunizationAlertServices,
): JobProcessor<'immunization-alert'> {
  async function fanOut(data: Payload, job: Job<Payload>): Promise<ImmunizationAlertSummary> {
    const organizationIds = await services.organizationIds();
    for (let i = 0; i < organizationIds.length; i += ENQUEUE_CHUNK) {
      await services.enqueue(
        organizationIds.slice(i, i + ENQUEUE_CHUNK).map((organizationId) => ({
          data: { organizationId, daysAhead: data.daysAhead },
          options: { jobId: organizationAlertJobId(String(job.id), organizationId) },
        })),
      );
    }
    return {
      organizations: organizationIds.length,
      students: 0,
      newlyDue: 0,
      newlyOverdue: 0,
      expiringExemptions: 0,
      notifications: 0,
    };
  }

  return async (data, job) => {
    if (data.organizationId === undefined) return fanOut(data, job);
    return services.alertOrganization(data.organizationId, data.daysAhead);
  };
}
