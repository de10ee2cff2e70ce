import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { ApiError } from '@/services/api/ApiError';
import { studentKeys } from './studentKeys';

export type MedicaidCoverage = 'active' | 'inactive' | 'unknown';

/** One stored answer of the payer (an X12 271), as the API answers it. */
export interface MedicaidEligibilityCheck {
  id: string;
  studentId: string;
  checkedAt: string;
  coverage: MedicaidCoverage;
  planName: string | null;
  benefitCodes: string[];
  /** YYYY-MM-DD, when the payer named the coverage period. */
  coverageStart: string | null;
  coverageEnd: string | null;
  /** Why the payer could not answer (coverage is then unknown). */
  rejection: string | null;
  traceNumber: string;
  checkedBy: string | null;
}

/** GET /api/v1/students/{id}/medicaid-eligibility (ADMIN and NURSE). */
export interface MedicaidEligibility {
  medicaidId: string | null;
  latest: MedicaidEligibilityCheck | null;
  history: MedicaidEligibilityCheck[];
}

// Not under the profile's key: refreshing the profile must not re-read (and re-audit) this.
const medicaidKey = (studentId: string) => [...studentKeys.all, 'medicaid', studentId] as const;
const path = (studentId: string) => `/api/v1/students/${encodeURIComponent(studentId)}/medicaid-eligibility`;

export function getMedicaidEligibility(
  studentId: string,
  signal?: AbortSignal,
): Promise<MedicaidEligibility> {
  return apiRequest<MedicaidEligibility>(path(studentId), { signal });
}

export function medicaidEligibilityQueryOptions(studentId: string) {
  return queryOptions({
    queryKey: medicaidKey(studentId),
    queryFn: ({ signal }) => getMedicaidEligibility(studentId, signal),
  });
}

export function useMedicaidEligibility(studentId: string) {
  return useQuery(medicaidEligibilityQueryOptions(studentId));
}

/** POST: asks the payer now (a few seconds) and answers the stored check. */
export function checkMedicaidEligibility(studentId: string): Promise<MedicaidEligibilityCheck> {
  return apiRequest<MedicaidEligibilityCheck>(path(studentId), { method: 'POST' });
}

export function useCheckMedicaidEligibility(studentId: string) {
  const queryClient = useQueryClient();
  return useMutation<MedicaidEligibilityCheck, ApiError, void>({
    mutationFn: () => checkMedicaidEligibility(studentId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: medicaidKey(studentId) }),
  });
}
