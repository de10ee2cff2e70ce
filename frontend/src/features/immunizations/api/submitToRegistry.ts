import { useMutation, type UseMutationOptions } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { ApiError } from '@/services/api/ApiError';

export interface RegistrySubmitRequest {
  studentId?: string;
  immunizationIds?: string[];
}

/**
 * POST /api/v1/immunizations/registry/submit: 202 with the queued data-export job's id; the
 * requester hears `job:*` events about it.
 */
export function submitToRegistry(request: RegistrySubmitRequest): Promise<{ jobId: string }> {
  return apiRequest<{ jobId: string }>('/api/v1/immunizations/registry/submit', {
    method: 'POST',
    body: request,
  });
}

type SubmitOptions = Omit<
  UseMutationOptions<{ jobId: string }, ApiError, RegistrySubmitRequest>,
  'mutationFn'
>;

export function useSubmitToRegistry(options: SubmitOptions = {}) {
  return useMutation<{ jobId: string }, ApiError, RegistrySubmitRequest>({
    ...options,
    mutationFn: submitToRegistry,
  });
}
