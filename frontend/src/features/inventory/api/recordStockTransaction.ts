import { useMutation, useQueryClient, type UseMutationOptions } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { ApiError } from '@/services/api/ApiError';
import type { InventoryItem, StockChangeInput, StockTransaction } from '../types';
import { inventoryKeys } from './inventoryKeys';

export interface RecordedStockChange {
  transaction: StockTransaction;
  item: InventoryItem;
}

interface RecordVariables {
  itemId: string;
  change: StockChangeInput;
}

/**
 * POST /api/v1/inventory/{id}/transactions: receive, dispense, adjust or dispose of stock.
 * 201 with the ledger row and the item's new count; 422 when the count would go below zero.
 */
export function recordStockTransaction({ itemId, change }: RecordVariables): Promise<RecordedStockChange> {
  return apiRequest<RecordedStockChange>(`/api/v1/inventory/${encodeURIComponent(itemId)}/transactions`, {
    method: 'POST',
    body: change,
  });
}

type RecordOptions = Omit<UseMutationOptions<RecordedStockChange, ApiError, RecordVariables>, 'mutationFn'>;

export function useRecordStockTransaction({ onSuccess, ...options }: RecordOptions = {}) {
  const queryClient = useQueryClient();
  return useMutation<RecordedStockChange, ApiError, RecordVariables>({
    ...options,
    mutationFn: recordStockTransaction,
    onSuccess: async (result, ...rest) => {
      queryClient.setQueryData(inventoryKeys.item(result.item.id), result.item);
      // The ledger, the reconciliation and every list (counts, low-stock flags) changed.
      await queryClient.invalidateQueries({ queryKey: inventoryKeys.all });
      await onSuccess?.(result, ...rest);
    },
  });
}
