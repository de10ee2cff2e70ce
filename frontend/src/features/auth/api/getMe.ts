import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { User } from '../types';

export function getMe({ signal }: { signal?: AbortSignal } = {}): Promise<User> {
  return apiRequest<User>('/api/v1/auth/me', { signal });
}

// The signed-in user lives in the query cache, so queryClient.clear() forgets it too.
// Login seeds it (setQueryData with this key); a reload fetches it once.
export function meQueryOptions() {
  return queryOptions({
    queryKey: ['auth', 'me'] as const,
    queryFn: getMe,
    staleTime: Infinity,
  });
}

export function useMe() {
  return useQuery(meQueryOptions());
}
