import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useSocketEvent } from '@/services/websocket/useWebSocket';
import { immunizationKeys } from '../api/getImmunizationStatus';
import { useSubmitToRegistry } from '../api/submitToRegistry';
import type { RegistryExportSummary } from '../types';

export const DATA_EXPORT_JOB_TYPE = 'data-export';

export type RegistryExportState =
  | { phase: 'idle' }
  | { phase: 'running'; jobId: string; progress: number | null }
  | { phase: 'done'; summary: RegistryExportSummary | null }
  | { phase: 'failed'; message: string };

function summaryOf(result: unknown): RegistryExportSummary | null {
  if (typeof result !== 'object' || result === null || !('sent' in result)) return null;
  return result as RegistryExportSummary;
}

/**
 * "Send to state registry" for one student: queues the data-export job, follows it through its
 * `job:*` events and, when it ends, refetches the student's records (their registry status).
 */
export function useRegistryExport(studentId: string) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<RegistryExportState>({ phase: 'idle' });
  const runningJob = state.phase === 'running' ? state.jobId : null;
  // A short job can end before its POST has answered: its ending waits here for the id.
  const endedEarly = useRef(new Map<string, RegistryExportState>());
  const refresh = () => queryClient.invalidateQueries({ queryKey: immunizationKeys.records(studentId) });

  const submit = useSubmitToRegistry({
    onSuccess: ({ jobId }) => {
      const ended = endedEarly.current.get(jobId);
      endedEarly.current.clear();
      setState(ended ?? { phase: 'running', jobId, progress: null });
      // PENDING as soon as the job claims them, or settled if it already ended.
      void refresh();
    },
  });

  const end = (jobId: string, ended: RegistryExportState) => {
    if (jobId === runningJob) {
      setState(ended);
      void refresh();
    } else if (submit.isPending) {
      endedEarly.current.set(jobId, ended);
    }
  };

  useSocketEvent('job:progress', (event) => {
    if (event.type !== DATA_EXPORT_JOB_TYPE || event.jobId !== runningJob) return;
    const progress = typeof event.progress === 'number' ? Math.round(event.progress) : null;
    setState({ phase: 'running', jobId: event.jobId, progress });
  });
  useSocketEvent('job:completed', (event) => {
    if (event.type !== DATA_EXPORT_JOB_TYPE) return;
    end(event.jobId, { phase: 'done', summary: summaryOf(event.result) });
  });
  useSocketEvent('job:failed', (event) => {
    if (event.type !== DATA_EXPORT_JOB_TYPE) return;
    end(event.jobId, { phase: 'failed', message: event.message });
  });

  return {
    state,
    submit: () => submit.mutate({ studentId }),
    isSubmitting: submit.isPending,
    submitError: submit.error,
  };
}

/** The outcome in a sentence, for the live region under the button. */
export function describeExport(state: RegistryExportState): string | null {
  switch (state.phase) {
    case 'idle':
      return null;
    case 'running':
      return state.progress === null
        ? 'Sending to the state registry…'
        : `Sending to the state registry… ${state.progress}%`;
    case 'failed':
      return `Sending failed. ${state.message}`;
    case 'done': {
      const s = state.summary;
      if (!s) return 'Sent to the state registry.';
      if (s.considered === 0) return 'Nothing new to send: the registry has every record.';
      const parts = [
        `${s.accepted} accepted`,
        s.errors > 0 && `${s.errors} with errors`,
        s.rejected > 0 && `${s.rejected} rejected`,
        s.notSent > 0 && `${s.notSent} not sent`,
      ].filter(Boolean);
      return `Sent to the state registry: ${parts.join(', ')}.`;
    }
  }
}
