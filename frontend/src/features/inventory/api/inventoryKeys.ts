import type { InventoryListQuery } from '../types';

/** Keys of the inventory queries this feature owns. */
export const inventoryKeys = {
  all: ['inventory'] as const,
  lists: () => [...inventoryKeys.all, 'list'] as const,
  list: (query: InventoryListQuery) => [...inventoryKeys.lists(), query] as const,
  item: (itemId: string) => [...inventoryKeys.all, 'item', itemId] as const,
  transactions: (itemId: string, page: number) =>
    [...inventoryKeys.item(itemId), 'transactions', page] as const,
  reconciliation: (itemId: string) => [...inventoryKeys.item(itemId), 'reconciliation'] as const,
};
