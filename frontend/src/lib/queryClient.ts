import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '@/services/api/ApiError';

const MAX_RETRIES = 2;

// A 4xx will answer the same way again, and a 401 has already signed the user out.
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < MAX_RETRIES;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
