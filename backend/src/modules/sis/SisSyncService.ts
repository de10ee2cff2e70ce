/**
 * The roster sync of one organization from the SIS:
 *   start a run (delta from the last successful run's start, or full) -> map the SIS schools
 *   -> each roster page in its own transaction (upsert by sourcedId, deactivate `tobedeleted`,
 *   audit, counts on the run row) -> after a FULL roster, deactivate the students it no longer
 *   lists -> close the run.
 * A failure leaves the pages already written (each whole), records the run as failed with a
 * message safe to show, and deactivates nothing for absence: the roster was not seen whole.
 * Idempotent: a retry reads the roster again and finds most of it unchanged.
 */
import type { Sequelize, Transaction } from 'sequelize';
import { AppError } from '../../infrastructure/http/AppError.js';
import type { SisSyncSummary } from '../../infrastructure/jobs/processors/sisSyncProcessor.js';
import {
  IntegrationError,
  IntegrationRateLimited,
  IntegrationUnavailable,
} from '../../integrations/clients/integrationErrors.js';
import type { RosterPage, RosterSchool, RosterStudent } from '../../integrations/clients/SisApiClient.js';
import type { AuditService } from '../audit/index.js';
import type { PageCounts, RosterWriter, WriteContext } from './RosterWriter.js';
import { mapSchools } from './schoolMapping.js';
import type { SyncMode, SyncRuns, SyncRunView } from './SyncRuns.js';

/** What the sync reads from the SIS (SisApiClient). */
export interface RosterSource {
  students(options: { since?: Date }): AsyncIterable<RosterPage>;
  schools(): Promise<RosterSchool[]>;
  getStudentBySisId(sourcedId: string): Promise<RosterStudent | null>;
}

export interface SyncProgress {
  /** Roster pages read so far. */
  page: number;
  /** Roster records handled so far. */
  processed: number;
}

export interface SyncOptions {
  mode: SyncMode;
  requestedBy?: string | null;
  /** The job running this sync: its retry takes over the run it left behind. */
  jobId?: string | null;
  onProgress?: (progress: SyncProgress) => unknown;
}

export interface SisSyncDependencies {
  sequelize: Sequelize;
  /** Null while no SIS is configured. */
  source: RosterSource | null;
  runs: SyncRuns;
  writer: RosterWriter;
  audit: () => Pick<AuditService, 'record'>;
  /** Drops a student's cached profile (the students module). */
  invalidate: (organizationId: string, studentId: string) => Promise<void>;
  /** Tells the students module the roster changed (compliance summaries are recomputed). */
  rosterChanged: (organizationId: string) => Promise<void>;
}

export const NOT_CONFIGURED = 'No SIS is configured: set SIS_API_URL, SIS_CLIENT_ID and SIS_CLIENT_SECRET';
const EMPTY_ROSTER =
  'The SIS listed no students at all; nothing was deactivated (check the SIS before syncing again)';

const zero = (): PageCounts => ({ created: 0, updated: 0, deactivated: 0, unchanged: 0, skipped: 0 });

const plus = (a: PageCounts, b: Partial<PageCounts>): PageCounts => ({
  created: a.created + (b.created ?? 0),
  updated: a.updated + (b.updated ?? 0),
  deactivated: a.deactivated + (b.deactivated ?? 0),
  unchanged: a.unchanged + (b.unchanged ?? 0),
  skipped: a.skipped + (b.skipped ?? 0),
});

/** What the run row and the requester may read: the typed errors say what failed, never any data. */
export function failureMessage(error: unknown): string {
  if (error instanceof IntegrationError) return `The SIS could not be read: ${error.message}`;
  if (error instanceof AppError) return error.message;
  return 'The sync stopped on an internal error (see the server log)';
}

/**
 * A failure a retry cannot mend: the SIS refused the request (credentials, a 4xx), a sync is
 * already running, an empty roster. An outage, a rate limit or a database error may pass.
 */
export function permanentFailure(error: unknown): string | null {
  if (error instanceof IntegrationUnavailable || error instanceof IntegrationRateLimited) return null;
  return error instanceof AppError ? failureMessage(error) : null;
}

export class SisSyncService {
  constructor(private readonly deps: SisSyncDependencies) {}

  get configured(): boolean {
    return this.deps.source !== null;
  }

  async syncStudents(organizationId: string, options: SyncOptions): Promise<SisSyncSummary> {
    const source = this.deps.source;
    if (!source) throw new AppError(503, NOT_CONFIGURED);
    const userId = options.requestedBy ?? null;
    const run = await this.deps.runs.start(organizationId, {
      mode: options.mode,
      requestedBy: userId,
      jobId: options.jobId ?? null,
    });
    // Moves only once a page has committed, so a failure records what is really stored.
    let counts = zero();
    try {
      const schools = await mapSchools(this.deps.sequelize, organizationId, await source.schools());
      const context = { organizationId, schools, runId: run.id, userId };
      /** A full roster's active students: whoever it does not list is no longer enrolled. */
      const listed = new Set<string>();
      let processed = 0;
      for await (const page of source.students({ since: run.since ?? undefined })) {
        const students =
          run.mode === 'delta'
            ? await this.withBirthDates(source, organizationId, page.students)
            : page.students;
        const written = await this.deps.sequelize.transaction(async (transaction) => {
          const result = await this.deps.writer.writePage(students, context, transaction);
          const totals = plus(plus(counts, result), { skipped: page.ignored });
          await this.deps.runs.progress(run.id, totals, transaction);
          return { totals, touched: result.touched };
        });
        counts = written.totals;
        await this.invalidate(organizationId, written.touched);
        if (run.mode === 'full') for (const s of students) if (s.status === 'active') listed.add(s.sourcedId);
        processed += page.students.length + page.ignored;
        await options.onProgress?.({ page: page.page, processed });
      }
      if (run.mode === 'full') {
        counts = plus(counts, { deactivated: await this.deactivateUnlisted(listed, context) });
      }
      const finalCounts = counts;
      await this.deps.sequelize.transaction(async (transaction) => {
        await this.deps.runs.succeed(run.id, finalCounts, transaction);
        const details = { mode: run.mode, outcome: 'succeeded', ...finalCounts };
        await this.auditRun(organizationId, userId, run.id, details, transaction);
      });
      return { runId: run.id, mode: run.mode, ...counts };
    } catch (error) {
      const message = failureMessage(error);
      await this.deps.runs.fail(run.id, counts, message).catch(() => undefined);
      await this.auditRun(organizationId, userId, run.id, {
        mode: run.mode,
        outcome: 'failed',
        ...counts,
      }).catch(() => undefined);
      throw error;
    }
  }

  async recentRuns(organizationId: string, limit: number): Promise<SyncRunView[]> {
    return this.deps.runs.recent(organizationId, limit);
  }

  /**
   * A delta carries a student's demographics only when they changed: a NEW student whose
   * demographics did not come along (a SIS that stamps them apart) is looked up on its own.
   */
  private async withBirthDates(
    source: RosterSource,
    organizationId: string,
    students: RosterStudent[],
  ): Promise<RosterStudent[]> {
    const lacking = students.filter((s) => s.status === 'active' && s.birthDate === null);
    if (lacking.length === 0) return students;
    const unknown = await this.deps.writer.unknown(
      organizationId,
      lacking.map((s) => s.sourcedId),
    );
    if (unknown.size === 0) return students;
    const found = new Map<string, RosterStudent>();
    for (const sourcedId of unknown) {
      const student = await source.getStudentBySisId(sourcedId);
      if (student) found.set(sourcedId, student);
    }
    return students.map((s) => found.get(s.sourcedId) ?? s);
  }

  /** How many students were deactivated. */
  private async deactivateUnlisted(listed: ReadonlySet<string>, context: WriteContext): Promise<number> {
    // An empty roster is far likelier a SIS fault than a district without students.
    if (listed.size === 0 && (await this.deps.writer.countLinked(context.organizationId)) > 0) {
      throw new AppError(502, EMPTY_ROSTER);
    }
    const deactivated = await this.deps.sequelize.transaction((transaction) =>
      this.deps.writer.deactivateUnlisted(listed, context, transaction),
    );
    await this.invalidate(context.organizationId, deactivated);
    return deactivated.length;
  }

  private async invalidate(organizationId: string, studentIds: readonly string[]): Promise<void> {
    if (studentIds.length === 0) return;
    await Promise.all([
      ...studentIds.map((id) => this.deps.invalidate(organizationId, id)),
      this.deps.rosterChanged(organizationId),
    ]);
  }

  private auditRun(
    organizationId: string,
    userId: string | null,
    runId: string,
    details: Record<string, unknown>,
    transaction?: Transaction,
  ): Promise<void> {
    return this.deps
      .audit()
      .record(
        { organizationId, userId, action: 'sis.sync', entityType: 'sis_sync_run', entityId: runId, details },
        transaction,
      );
  }
}
