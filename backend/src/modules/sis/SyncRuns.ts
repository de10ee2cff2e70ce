/**
 * The `sis_sync_runs` rows: one per sync attempt, with its mode, counts and outcome. At most
 * one run per organization is `running` (a unique index); a run whose worker died is closed
 * as interrupted by the next one, once its heartbeat is stale or when the same job retries.
 */
import { QueryTypes, UniqueConstraintError, type Sequelize, type Transaction } from 'sequelize';
import { AppError } from '../../infrastructure/http/AppError.js';
import type { PageCounts } from './RosterWriter.js';

export type SyncMode = 'full' | 'delta';
export type RunStatus = 'running' | 'succeeded' | 'failed';

export interface StartedRun {
  id: string;
  /** What runs: a delta falls back to full while no earlier run succeeded. */
  mode: SyncMode;
  /** The start of the last successful run (delta only). */
  since: Date | null;
}

export interface SyncRunView extends PageCounts {
  id: string;
  status: RunStatus;
  mode: SyncMode;
  since: string | null;
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
  requestedBy: string | null;
}

/** A page takes seconds; a run silent this long lost its worker. */
const STALE_AFTER = '10 minutes';
const INTERRUPTED = 'Interrupted: the worker running this sync stopped before it finished';
const ERROR_MAX = 500;

export const ALREADY_RUNNING = 'A roster sync of this organization is already running';

const COUNTS =
  'created = :created, updated = :updated, deactivated = :deactivated, unchanged = :unchanged, skipped = :skipped';

export class SyncRuns {
  constructor(private readonly sequelize: Sequelize) {}

  async start(
    organizationId: string,
    request: { mode: SyncMode; requestedBy: string | null; jobId: string | null },
  ): Promise<StartedRun> {
    try {
      return await this.sequelize.transaction(async (transaction) => {
        await this.sequelize.query(
          `UPDATE sis_sync_runs SET status = 'failed', finished_at = now(), error = :interrupted
            WHERE organization_id = :organizationId AND status = 'running'
              AND (heartbeat_at < now() - CAST(:staleAfter AS interval) OR job_id = :jobId)`,
          {
            replacements: {
              organizationId,
              interrupted: INTERRUPTED,
              staleAfter: STALE_AFTER,
              jobId: request.jobId,
            },
            transaction,
          },
        );
        const since =
          request.mode === 'delta' ? await this.lastSuccessStart(organizationId, transaction) : null;
        const mode: SyncMode = since ? 'delta' : 'full';
        const [row] = await this.sequelize.query<{ id: string }>(
          `INSERT INTO sis_sync_runs (organization_id, mode, since, requested_by, job_id)
           VALUES (:organizationId, :mode, :since, :requestedBy, :jobId)
           RETURNING id`,
          {
            replacements: {
              organizationId,
              mode,
              since,
              requestedBy: request.requestedBy,
              jobId: request.jobId,
            },
            type: QueryTypes.SELECT,
            transaction,
          },
        );
        return { id: row!.id, mode, since };
      });
    } catch (error) {
      if (error instanceof UniqueConstraintError) throw AppError.conflict(ALREADY_RUNNING);
      throw error;
    }
  }

  /** The counts so far, and proof of life; in the page's transaction, so they match what is stored. */
  async progress(runId: string, counts: PageCounts, transaction: Transaction): Promise<void> {
    await this.sequelize.query(
      `UPDATE sis_sync_runs SET ${COUNTS}, heartbeat_at = now() WHERE id = :runId AND status = 'running'`,
      { replacements: { runId, ...counts }, transaction },
    );
  }

  async succeed(runId: string, counts: PageCounts, transaction?: Transaction): Promise<void> {
    await this.sequelize.query(
      `UPDATE sis_sync_runs SET ${COUNTS}, status = 'succeeded', finished_at = now(), heartbeat_at = now()
        WHERE id = :runId AND status = 'running'`,
      { replacements: { runId, ...counts }, transaction },
    );
  }

  /** Records the failure, unless a later run already closed this one as interrupted. */
  async fail(runId: string, counts: PageCounts, message: string): Promise<void> {
    await this.sequelize.query(
      `UPDATE sis_sync_runs SET ${COUNTS}, status = 'failed', finished_at = now(), error = :message
        WHERE id = :runId AND status = 'running'`,
      { replacements: { runId, ...counts, message: message.slice(0, ERROR_MAX) } },
    );
  }

  async recent(organizationId: string, limit: number): Promise<SyncRunView[]> {
    return this.sequelize.query<SyncRunView>(
      `SELECT id, status, mode, since, started_at AS "startedAt", finished_at AS "finishedAt",
              created, updated, deactivated, unchanged, skipped, error, requested_by AS "requestedBy"
         FROM sis_sync_runs WHERE organization_id = :organizationId
        ORDER BY started_at DESC, id LIMIT :limit`,
      { replacements: { organizationId, limit }, type: QueryTypes.SELECT },
    );
  }

  private async lastSuccessStart(organizationId: string, transaction: Transaction): Promise<Date | null> {
    const [row] = await this.sequelize.query<{ startedAt: Date | null }>(
      `SELECT max(started_at) AS "startedAt" FROM sis_sync_runs
        WHERE organization_id = :organizationId AND status = 'succeeded'`,
      { replacements: { organizationId }, type: QueryTypes.SELECT, transaction },
    );
    return row?.startedAt ? new Date(row.startedAt) : null;
  }
}
