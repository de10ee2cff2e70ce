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
import { childJobId, fanOutToOrganizations } from './fanOut.js';

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

export const organizationAlertJobId = (parentJobId: string, organizationId: string) =>
  childJobId('immunization-alert', parentJobId, organizationId);

export function createImmunizationAlertProcessor(
  services: ImmunizationAlertServices,
): JobProcessor<'immunization-alert'> {
  async function fanOut(data: Payload, job: Job<Payload>): Promise<ImmunizationAlertSummary> {
    const organizations = await fanOutToOrganizations(
      await services.organizationIds(),
      {
        prefix: 'immunization-alert',
        parentJobId: String(job.id),
        dataFor: (organizationId) => ({ organizationId, daysAhead: data.daysAhead }),
      },
      services.enqueue,
    );
    return {
      organizations,
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
