import { useMutation, useQueryClient, type UseMutationOptions } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { ApiError } from '@/services/api/ApiError';
import type { InventoryItem, NewItemInput } from '../types';
import { inventoryKeys } from './inventoryKeys';

/** POST /api/v1/inventory: 201 with the item (nurses and admins). */
export function createInventoryItem(input: NewItemInput): Promise<InventoryItem> {
  return apiRequest<InventoryItem>('/api/v1/inventory', { method: 'POST', body: input });
}

type CreateItemOptions = Omit<UseMutationOptions<InventoryItem, ApiError, NewItemInput>, 'mutationFn'>;

export function useCreateInventoryItem({ onSuccess, ...options }: CreateItemOptions = {}) {
  const queryClient = useQueryClient();
  return useMutation<InventoryItem, ApiError, NewItemInput>({
    ...options,
    mutationFn: createInventoryItem,
    onSuccess: async (...args) => {
      await queryClient.invalidateQueries({ queryKey: inventoryKeys.lists() });
      await onSuccess?.(...args);
    },
  });
}
