import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { ApiError } from '@/services/api/ApiError';
import type { ImmunizationRecord, RegistryHistoryRecord } from '../types';
import { immunizationKeys } from './getImmunizationStatus';

export interface ImportResult {
  imported: ImmunizationRecord[];
  alreadyOnFile: number;
}

type ImportedRecord = Pick<RegistryHistoryRecord, 'cvxCode' | 'administeredOn' | 'lotNumber' | 'mvxCode'>;

/** POST /api/v1/students/{id}/immunizations/import: the chosen registry doses, as HISTORICAL. */
export function importRegistryRecords(studentId: string, records: ImportedRecord[]): Promise<ImportResult> {
  return apiRequest<ImportResult>(`/api/v1/students/${encodeURIComponent(studentId)}/immunizations/import`, {
    method: 'POST',
    body: {
      records: records.map(({ cvxCode, administeredOn, lotNumber, mvxCode }) => ({
        cvxCode,
        administeredOn,
        lotNumber,
        mvxCode,
      })),
    },
  });
}

/** Imports, then refreshes this student's records, compliance status and registry history. */
export function useImportRegistryRecords(studentId: string, onImported?: () => void) {
  const queryClient = useQueryClient();
  return useMutation<ImportResult, ApiError, ImportedRecord[]>({
    mutationFn: (records) => importRegistryRecords(studentId, records),
    onSuccess: async () => {
      onImported?.();
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: immunizationKeys.records(studentId) }),
        queryClient.invalidateQueries({ queryKey: immunizationKeys.status(studentId) }),
        queryClient.invalidateQueries({ queryKey: immunizationKeys.registryHistory(studentId) }),
        // The organization's compliance counts may have moved with this student.
        queryClient.invalidateQueries({ queryKey: immunizationKeys.compliance() }),
      ]);
    },
  });
}
