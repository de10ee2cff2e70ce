import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { AdminUser } from '../types';
import { adminKeys } from './adminKeys';

/** GET /api/v1/admin/users: every account of the organization, by name (admins only). */
export async function getUsers(signal?: AbortSignal): Promise<AdminUser[]> {
  const response = await apiRequest<{ data: AdminUser[] }>('/api/v1/admin/users', { signal });
  return response.data;
}

export function usersQueryOptions() {
  return queryOptions({
    queryKey: adminKeys.users(),
    queryFn: ({ signal }) => getUsers(signal),
  });
}

/** `enabled: false` while the caller has no use for the list (the audit log's user picker waits). */
export function useUsers({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...usersQueryOptions(), enabled });
}
