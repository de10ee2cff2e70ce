import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { InventoryItem } from '../types';
import { inventoryKeys } from './inventoryKeys';

/** GET /api/v1/inventory/{id}: read from Postgres, so it is current even when the list is cached. */
export function getInventoryItem(itemId: string, signal?: AbortSignal): Promise<InventoryItem> {
  return apiRequest<InventoryItem>(`/api/v1/inventory/${encodeURIComponent(itemId)}`, { signal });
}

export function inventoryItemQueryOptions(itemId: string) {
  return queryOptions({
    queryKey: inventoryKeys.item(itemId),
    queryFn: ({ signal }) => getInventoryItem(itemId, signal),
  });
}

export function useInventoryItem(itemId: string) {
  return useQuery(inventoryItemQueryOptions(itemId));
}
