import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { AdministrationRecord } from '../types';
import { DUE_DOSES_REFRESH_MS } from './getDueDoses';
import { medicationKeys, type AdministrationRecordParams } from './medicationKeys';

/** The page size the MAR asks for (the server allows up to 500). */
export const RECORD_PAGE_SIZE = 100;

/**
 * GET /api/v1/medications/administration-record: every scheduled dose of a day (the
 * organization's today without `date`) across the organization or one school, with its
 * status and the entry recorded for it. `status` repeats in the query (?status=DUE&status=OVERDUE),
 * which the client's query object cannot say, so the query string is built here.
 */
export function getAdministrationRecord(
  params: AdministrationRecordParams,
  signal?: AbortSignal,
): Promise<AdministrationRecord> {
  const search = new URLSearchParams();
  if (params.date) search.set('date', params.date);
  if (params.schoolId) search.set('schoolId', params.schoolId);
  for (const status of params.status) search.append('status', status);
  search.set('page', String(params.page));
  search.set('pageSize', String(params.pageSize));
  return apiRequest<AdministrationRecord>(`/api/v1/medications/administration-record?${search}`, {
    signal,
  });
}

export function administrationRecordQueryOptions(params: AdministrationRecordParams) {
  return queryOptions({
    queryKey: medicationKeys.record(params),
    queryFn: ({ signal }) => getAdministrationRecord(params, signal),
    // Doses turn due and overdue as the clock moves, with no event to say so.
    refetchInterval: DUE_DOSES_REFRESH_MS,
    placeholderData: keepPreviousData,
  });
}

export function useAdministrationRecord(params: AdministrationRecordParams) {
  return useQuery(administrationRecordQueryOptions(params));
}
