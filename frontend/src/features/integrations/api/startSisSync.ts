import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { ApiError } from '@/services/api/ApiError';
import type { SisSyncMode } from '../types';

/** POST /api/v1/admin/integrations/sis/sync: 202 with the queued job's id. */
export function startSisSync(mode: SisSyncMode): Promise<{ jobId: string }> {
  return apiRequest<{ jobId: string }>('/api/v1/admin/integrations/sis/sync', {
    method: 'POST',
    body: { mode },
  });
}

export function useStartSisSync() {
  return useMutation<{ jobId: string }, ApiError, SisSyncMode>({ mutationFn: startSisSync });
}
