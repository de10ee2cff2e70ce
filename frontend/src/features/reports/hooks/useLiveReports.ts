import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useConnectionConfirmed, useSocketEvent } from '@/services/websocket/useWebSocket';
import { isPending } from '../api/getReport';
import { reportKeys } from '../api/reportKeys';
import { REPORT_JOB_TYPE, type QueuedReport } from '../types';

/** `job:completed` of a report carries `{ reportId, downloadUrl }`. */
function reportIdOf(result: unknown): string | null {
  if (typeof result !== 'object' || result === null || !('reportId' in result)) return null;
  const { reportId } = result as { reportId: unknown };
  return typeof reportId === 'string' ? reportId : null;
}

/**
 * The report a job works on. The server names a report's job after the report
 * (`report-<reportId>`), so the report id ends the job id.
 */
function reportOfJob(jobId: string, reportIds: readonly string[]): string | null {
  return reportIds.find((reportId) => jobId === reportId || jobId.endsWith(`-${reportId}`)) ?? null;
}

function percentOf(progress: number | Record<string, unknown>): number | null {
  return typeof progress === 'number' && Number.isFinite(progress)
    ? Math.min(100, Math.max(0, Math.round(progress)))
    : null;
}

/**
 * Keeps this session's queued reports current from `job:*` events: each event refetches the
 * report's status (GET /api/v1/reports/{id}), and `job:progress` also gives a percentage.
 * An event about a report we do not know (another tab's) refreshes every report still
 * pending: cheap, and no event is ever missed.
 */
export function useLiveReports(reportIds: readonly string[]): Record<string, number> {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<Record<string, number>>({});

  const refresh = (reportId: string | null, onlyQueued = false) => {
    void queryClient.invalidateQueries({
      queryKey: reportId !== null ? reportKeys.detail(reportId) : reportKeys.details(),
      predicate: (query) => {
        const status = (query.state.data as QueuedReport | undefined)?.status;
        return onlyQueued ? status === 'queued' : isPending(status);
      },
    });
  };

  useSocketEvent('job:progress', (event) => {
    if (event.type !== REPORT_JOB_TYPE) return;
    const reportId = reportOfJob(event.jobId, reportIds);
    const percent = percentOf(event.progress);
    if (reportId !== null && percent !== null) {
      setProgress((current) => ({ ...current, [reportId]: percent }));
    }
    // Progress comes often: only a report still shown as queued needs its status again.
    refresh(reportId, true);
  });
  useSocketEvent('job:completed', (event) => {
    if (event.type !== REPORT_JOB_TYPE) return;
    refresh(reportOfJob(reportIdOf(event.result) ?? event.jobId, reportIds));
  });
  useSocketEvent('job:failed', (event) => {
    if (event.type === REPORT_JOB_TYPE) refresh(reportOfJob(event.jobId, reportIds));
  });
  // Events sent while the connection was down are gone: ask again after every reconnect.
  useConnectionConfirmed(() => refresh(null));

  return progress;
}
