import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { InventoryItem, Page } from '../types';
import { dashboardKeys } from './dashboardKeys';

/** What "expiring" means on the dashboard: the server's own "expiring soon" horizon. */
export const EXPIRING_WITHIN_DAYS = 30;
const PAGE_SIZE = 10;

export function getInventory(
  filter: { lowStock: true } | { expiringWithinDays: number },
  signal?: AbortSignal,
): Promise<Page<InventoryItem>> {
  return apiRequest<Page<InventoryItem>>('/api/v1/inventory', {
    query: { ...filter, pageSize: PAGE_SIZE },
    signal,
  });
}

/** Items at or below their reorder level. */
export function lowStockQueryOptions() {
  return queryOptions({
    queryKey: dashboardKeys.lowStock(),
    queryFn: ({ signal }) => getInventory({ lowStock: true }, signal),
  });
}

/** Items expired or expiring within EXPIRING_WITHIN_DAYS. */
export function expiringQueryOptions() {
  return queryOptions({
    queryKey: dashboardKeys.expiring(),
    queryFn: ({ signal }) => getInventory({ expiringWithinDays: EXPIRING_WITHIN_DAYS }, signal),
  });
}

export function useLowStock() {
  return useQuery(lowStockQueryOptions());
}

export function useExpiringItems() {
  return useQuery(expiringQueryOptions());
}
