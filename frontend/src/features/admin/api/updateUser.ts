import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { ApiError } from '@/services/api/ApiError';
import type { AdminUser, UpdateUserInput } from '../types';
import { adminKeys } from './adminKeys';

export interface UserUpdate {
  id: string;
  changes: UpdateUserInput;
}

/**
 * PATCH /api/v1/admin/users/{id}. A new role or a deactivation ends the person's sessions
 * at once (the server revokes them), so it takes effect without waiting for a sign-out.
 */
export function updateUser({ id, changes }: UserUpdate): Promise<AdminUser> {
  return apiRequest<AdminUser>(`/api/v1/admin/users/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: changes,
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation<AdminUser, ApiError, UserUpdate>({
    mutationFn: updateUser,
    onSuccess: async (user) => {
      // The row changes at once; the list is fetched again for anything else that moved.
      queryClient.setQueryData<AdminUser[]>(adminKeys.users(), (users) =>
        users?.map((existing) => (existing.id === user.id ? user : existing)),
      );
      await queryClient.invalidateQueries({ queryKey: adminKeys.users() });
    },
  });
}
