/** A circuit breaker's state as the server names it. */
export type CircuitState = 'closed' | 'open' | 'half-open';

/** One outbound client, as GET /api/v1/admin/integrations answers it. */
export interface IntegrationStatus {
  /** `sis`, `state-registry`, `medicaid`. */
  name: string;
  state: CircuitState;
  /** Counted since the server started; `rejects` were failed fast while the circuit was open. */
  failures: number;
  successes: number;
  rejects: number;
  lastFailureAt: string | null;
  openedAt: string | null;
  /** While open: when one trial request may go through. */
  nextAttemptAt: string | null;
}

export interface IntegrationStatusResponse {
  data: IntegrationStatus[];
}

export type SisSyncMode = 'delta' | 'full';
export type SisRunStatus = 'running' | 'succeeded' | 'failed';

/** One roster sync, as GET /api/v1/admin/integrations/sis/runs answers it (newest first). */
export interface SisRun {
  id: string;
  status: SisRunStatus;
  mode: SisSyncMode;
  startedAt: string;
  finishedAt: string | null;
  created: number;
  updated: number;
  deactivated: number;
  unchanged: number;
  /** Roster records that could not be stored; older servers may not send it. */
  skipped?: number;
  error: string | null;
}

export interface SisRunsResponse {
  data: SisRun[];
}

/** The job POST /api/v1/admin/integrations/sis/sync queues; its `job:*` events carry this type. */
export const SIS_SYNC_JOB_TYPE = 'sis-sync';
