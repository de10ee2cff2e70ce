import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';

/** Long enough to gather a burst (alerts replayed on connect, a school's 8:00 reminders). */
export const INVALIDATION_BATCH_MS = 250;

/**
 * Returns `invalidate(queryKey)` for socket handlers: the keys asked for within a short
 * burst are invalidated once, together, instead of one refetch per event.
 */
export function useBatchedInvalidation(delayMs = INVALIDATION_BATCH_MS): (queryKey: QueryKey) => void {
  const queryClient = useQueryClient();
  const pending = useRef(new Map<string, QueryKey>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(
    () => () => {
      clearTimeout(timer.current);
      timer.current = undefined;
      pending.current.clear();
    },
    [],
  );

  return useCallback(
    (queryKey: QueryKey) => {
      pending.current.set(JSON.stringify(queryKey), queryKey);
      if (timer.current !== undefined) return;
      timer.current = setTimeout(() => {
        timer.current = undefined;
        const keys = [...pending.current.values()];
        pending.current.clear();
        for (const key of keys) void queryClient.invalidateQueries({ queryKey: key });
      }, delayMs);
    },
    [queryClient, delayMs],
  );
}
