import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { ApiError } from '@/services/api/ApiError';
import type { ChainVerification } from '../types';

/**
 * GET /api/v1/admin/audit-log/verify: recomputes every hash of the organization's chain. A
 * mutation, not a query: it runs when the admin asks (it reads the whole log), never on focus.
 */
export function verifyAuditChain(): Promise<ChainVerification> {
  return apiRequest<ChainVerification>('/api/v1/admin/audit-log/verify');
}

export function useVerifyAuditChain() {
  return useMutation<ChainVerification, ApiError, void>({ mutationFn: verifyAuditChain });
}
