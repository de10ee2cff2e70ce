import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { Reconciliation } from '../types';
import { inventoryKeys } from './inventoryKeys';

/** GET /api/v1/inventory/{id}/reconcile: the count against the sum of the ledger, in one snapshot. */
export function checkReconciliation(itemId: string, signal?: AbortSignal): Promise<Reconciliation> {
  return apiRequest<Reconciliation>(`/api/v1/inventory/${encodeURIComponent(itemId)}/reconcile`, { signal });
}

/** Asked for on request (a button), not on every visit. */
export function reconciliationQueryOptions(itemId: string, enabled: boolean) {
  return queryOptions({
    queryKey: inventoryKeys.reconciliation(itemId),
    queryFn: ({ signal }) => checkReconciliation(itemId, signal),
    enabled,
    staleTime: 0,
  });
}

export function useReconciliation(itemId: string, enabled: boolean) {
  return useQuery(reconciliationQueryOptions(itemId, enabled));
}
