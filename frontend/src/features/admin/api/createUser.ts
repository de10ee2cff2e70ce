import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { ApiError } from '@/services/api/ApiError';
import type { AdminUser, CreateUserInput } from '../types';
import { adminKeys } from './adminKeys';

/** POST /api/v1/admin/users: 201 with the account; 409 when the email is taken. */
export function createUser(input: CreateUserInput): Promise<AdminUser> {
  return apiRequest<AdminUser>('/api/v1/admin/users', { method: 'POST', body: input });
}

export function useCreateUser({ onSuccess }: { onSuccess?: (user: AdminUser) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation<AdminUser, ApiError, CreateUserInput>({
    mutationFn: createUser,
    onSuccess: async (user) => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.users() });
      onSuccess?.(user);
    },
  });
}
