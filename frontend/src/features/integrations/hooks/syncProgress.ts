import type { SisRun } from '../types';

export type SyncPhase = 'queued' | 'running' | 'succeeded' | 'failed';

export interface SyncCounts {
  created: number;
  updated: number;
  deactivated: number;
  unchanged: number;
  skipped: number;
}

/** What this page knows of the sync it started, from `job:*` events. */
export interface TrackedSync {
  jobId: string;
  /** The runs listed when the sync was asked for: a run not among them is this sync's. */
  runIdsBefore: readonly string[];
  /** From `job:progress`. */
  progress: { page: number | null; processed: number | null } | null;
  /** From `job:completed` / `job:failed`. */
  outcome: { phase: 'succeeded'; counts: SyncCounts } | { phase: 'failed'; message: string } | null;
}

export interface SyncView {
  phase: SyncPhase;
  text: string;
}

const count = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;

/** `job:progress` of a sis-sync job: `{ page, processed }`; anything else is ignored. */
export function readProgress(progress: unknown): TrackedSync['progress'] {
  if (typeof progress !== 'object' || progress === null) return null;
  const { page, processed } = progress as Record<string, unknown>;
  return { page: count(page), processed: count(processed) };
}

/** `job:completed` of a sis-sync job: the run's counts (missing ones read as 0). */
export function readCounts(result: unknown): SyncCounts {
  const r = typeof result === 'object' && result !== null ? (result as Record<string, unknown>) : {};
  return {
    created: count(r.created) ?? 0,
    updated: count(r.updated) ?? 0,
    deactivated: count(r.deactivated) ?? 0,
    unchanged: count(r.unchanged) ?? 0,
    skipped: count(r.skipped) ?? 0,
  };
}

/** "3 created, 2 updated, 0 deactivated, 40 unchanged" (and skipped, when any were). */
export function describeCounts(counts: SyncCounts): string {
  const parts = [
    `${counts.created} created`,
    `${counts.updated} updated`,
    `${counts.deactivated} deactivated`,
    `${counts.unchanged} unchanged`,
  ];
  if (counts.skipped > 0) parts.push(`${counts.skipped} skipped`);
  return parts.join(', ');
}

const processedOf = (counts: SyncCounts) =>
  counts.created + counts.updated + counts.deactivated + counts.unchanged + counts.skipped;

/**
 * One line about the sync this page started. Socket events say it first; the runs list (polled
 * while no events arrive) says it too, so the line moves on either way.
 */
export function describeSync(sync: TrackedSync, runs: readonly SisRun[] | undefined): SyncView {
  if (sync.outcome?.phase === 'succeeded') {
    return { phase: 'succeeded', text: `Sync finished: ${describeCounts(sync.outcome.counts)}.` };
  }
  if (sync.outcome?.phase === 'failed') {
    return { phase: 'failed', text: `Sync failed: ${sync.outcome.message}` };
  }
  const run = runs?.find((r) => !sync.runIdsBefore.includes(r.id));
  if (run?.status === 'succeeded') {
    return { phase: 'succeeded', text: `Sync finished: ${describeCounts(readCounts(run))}.` };
  }
  if (run?.status === 'failed') {
    return { phase: 'failed', text: `Sync failed: ${run.error ?? 'no reason was given.'}` };
  }
  if (sync.progress) {
    const page = sync.progress.page !== null ? `page ${sync.progress.page}, ` : '';
    const processed = sync.progress.processed ?? 0;
    return { phase: 'running', text: `Syncing: ${page}${processed} records processed…` };
  }
  if (run) {
    return { phase: 'running', text: `Syncing: ${processedOf(readCounts(run))} records processed…` };
  }
  return { phase: 'queued', text: 'Sync queued, waiting for a worker…' };
}

export function isInFlight(view: SyncView): boolean {
  return view.phase === 'queued' || view.phase === 'running';
}
