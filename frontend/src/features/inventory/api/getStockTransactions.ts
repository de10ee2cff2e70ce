import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { StockTransactionPage } from '../types';
import { inventoryKeys } from './inventoryKeys';

export const TRANSACTIONS_PAGE_SIZE = 25;

/** GET /api/v1/inventory/{id}/transactions: the item's ledger, newest first. */
export function getStockTransactions(
  itemId: string,
  page: number,
  signal?: AbortSignal,
): Promise<StockTransactionPage> {
  return apiRequest<StockTransactionPage>(`/api/v1/inventory/${encodeURIComponent(itemId)}/transactions`, {
    query: { page, pageSize: TRANSACTIONS_PAGE_SIZE },
    signal,
  });
}

export function stockTransactionsQueryOptions(itemId: string, page: number) {
  return queryOptions({
    queryKey: inventoryKeys.transactions(itemId, page),
    queryFn: ({ signal }) => getStockTransactions(itemId, page, signal),
    placeholderData: keepPreviousData,
  });
}

export function useStockTransactions(itemId: string, page: number) {
  return useQuery(stockTransactionsQueryOptions(itemId, page));
}
