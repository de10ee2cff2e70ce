/**
 * A sweep without an organization becomes one job per organization: each is retried on its
 * own and spread over the replicas' workers. Child ids derive from the sweep's own id, so a
 * retried sweep enqueues nothing twice (BullMQ keeps the first job of an id).
 */
import type { JobInput, JobType } from '../jobTypes.js';
import type { AddJobOptions } from '../QueueManager.js';

/** Enough per round trip to Redis; a district-wide deployment has hundreds, not millions. */
const ENQUEUE_CHUNK = 500;

export type Enqueue<T extends JobType> = (
  jobs: ReadonlyArray<{ data: JobInput<T>; options: AddJobOptions }>,
) => Promise<unknown>;

/** BullMQ refuses ':' in custom ids (its own repeat ids carry them), so the parent's become '_'. */
export const childJobId = (prefix: string, parentJobId: string, organizationId: string) =>
  `${prefix}-${parentJobId.replaceAll(':', '_')}-${organizationId}`;

/** Enqueues `dataFor(organizationId)` for each organization; answers how many. */
export async function fanOutToOrganizations<T extends JobType>(
  organizationIds: readonly string[],
  child: { prefix: string; parentJobId: string; dataFor: (organizationId: string) => JobInput<T> },
  enqueue: Enqueue<T>,
): Promise<number> {
  for (let i = 0; i < organizationIds.length; i += ENQUEUE_CHUNK) {
    await enqueue(
      organizationIds.slice(i, i + ENQUEUE_CHUNK).map((organizationId) => ({
        data: child.dataFor(organizationId),
        options: { jobId: childJobId(child.prefix, child.parentJobId, organizationId) },
      })),
    );
  }
  return organizationIds.length;
}
