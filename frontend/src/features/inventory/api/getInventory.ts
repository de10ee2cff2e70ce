import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import { EXPIRING_SOON_DAYS, type InventoryListQuery, type InventoryPage } from '../types';
import { inventoryKeys } from './inventoryKeys';

/** GET /api/v1/inventory: by name; "low stock" and "expiring soon" only narrow the list when ticked. */
export function getInventory(query: InventoryListQuery, signal?: AbortSignal): Promise<InventoryPage> {
  return apiRequest<InventoryPage>('/api/v1/inventory', {
    query: {
      search: query.search,
      schoolId: query.schoolId,
      category: query.category,
      lowStock: query.lowStock ? true : undefined,
      expiringWithinDays: query.expiringSoon ? EXPIRING_SOON_DAYS : undefined,
      page: query.page,
      pageSize: query.pageSize,
    },
    signal,
  });
}

export function inventoryQueryOptions(query: InventoryListQuery) {
  return queryOptions({
    queryKey: inventoryKeys.list(query),
    queryFn: ({ signal }) => getInventory(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useInventory(query: InventoryListQuery) {
  return useQuery(inventoryQueryOptions(query));
}
