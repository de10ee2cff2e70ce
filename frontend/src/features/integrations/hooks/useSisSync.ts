import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useConnectionConfirmed, useSocketEvent, useWebSocket } from '@/services/websocket/useWebSocket';
import { SIS_RUNS_POLL_MS, SIS_RUNS_SAFETY_POLL_MS, useSisRuns } from '../api/getSisRuns';
import { integrationKeys } from '../api/integrationKeys';
import { useStartSisSync } from '../api/startSisSync';
import { SIS_SYNC_JOB_TYPE, type SisRun, type SisSyncMode } from '../types';
import { describeSync, isInFlight, readCounts, readProgress, type TrackedSync } from './syncProgress';

type SyncEvents = Pick<TrackedSync, 'progress' | 'outcome'>;

const NO_EVENTS: SyncEvents = { progress: null, outcome: null };
/** Events of jobs not (yet) ours kept for when the POST answers: a quick job can beat its 202. */
const EARLY_EVENTS_KEPT = 5;

/**
 * The SIS card's state: the recent runs, "Sync now", and a live line about the sync this page
 * started. `job:progress` / `job:completed` / `job:failed` for its job id move the line; while
 * a sync runs the runs list is polled too (often without a live connection, rarely with one),
 * so the line reaches its end even when no event arrives.
 */
export function useSisSync() {
  const queryClient = useQueryClient();
  const { isConnected } = useWebSocket();
  const [tracked, setTracked] = useState<TrackedSync | null>(null);
  const trackedJobId = useRef<string | null>(null);
  const earlyEvents = useRef(new Map<string, SyncEvents>());
  const start = useStartSisSync();

  const somethingRuns = (runs: readonly SisRun[] | undefined) =>
    runs?.[0]?.status === 'running' || (tracked !== null && isInFlight(describeSync(tracked, runs)));
  const runs = useSisRuns((data) =>
    somethingRuns(data) ? (isConnected ? SIS_RUNS_SAFETY_POLL_MS : SIS_RUNS_POLL_MS) : false,
  );

  const refreshRuns = () => void queryClient.invalidateQueries({ queryKey: integrationKeys.sisRuns() });

  const record = (jobId: string, change: (events: SyncEvents) => SyncEvents) => {
    if (jobId === trackedJobId.current) {
      setTracked((current) => (current?.jobId === jobId ? { ...current, ...change(current) } : current));
      return;
    }
    const early = earlyEvents.current;
    early.set(jobId, change(early.get(jobId) ?? NO_EVENTS));
    for (const oldest of early.keys()) if (early.size > EARLY_EVENTS_KEPT) early.delete(oldest);
  };

  useSocketEvent('job:progress', (event) => {
    if (event.type !== SIS_SYNC_JOB_TYPE) return;
    record(event.jobId, (e) => ({ ...e, progress: readProgress(event.progress) ?? e.progress }));
  });
  useSocketEvent('job:completed', (event) => {
    if (event.type !== SIS_SYNC_JOB_TYPE) return;
    record(event.jobId, (e) => ({ ...e, outcome: { phase: 'succeeded', counts: readCounts(event.result) } }));
    refreshRuns();
  });
  useSocketEvent('job:failed', (event) => {
    if (event.type !== SIS_SYNC_JOB_TYPE) return;
    record(event.jobId, (e) => ({ ...e, outcome: { phase: 'failed', message: event.message } }));
    refreshRuns();
  });
  // Events sent while the connection was down are gone: ask again after every reconnect.
  useConnectionConfirmed(refreshRuns);

  const syncNow = (mode: SisSyncMode) => {
    const runIdsBefore = (runs.data ?? []).map((run) => run.id);
    start.mutate(mode, {
      onSuccess: ({ jobId }) => {
        trackedJobId.current = jobId;
        setTracked({ jobId, runIdsBefore, ...(earlyEvents.current.get(jobId) ?? NO_EVENTS) });
        earlyEvents.current.clear();
        refreshRuns();
      },
    });
  };

  const view = tracked ? describeSync(tracked, runs.data) : null;
  return {
    runs,
    latest: runs.data?.[0],
    view,
    busy: start.isPending || somethingRuns(runs.data),
    syncNow,
    startError: start.error,
  };
}
