import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { AuditPage, AuditQuery } from '../types';
import { adminKeys } from './adminKeys';

/** GET /api/v1/admin/audit-log: newest first, filtered and paged by the server. */
export function getAuditLog(query: AuditQuery, signal?: AbortSignal): Promise<AuditPage> {
  return apiRequest<AuditPage>('/api/v1/admin/audit-log', {
    query: {
      from: query.from,
      to: query.to,
      userId: query.userId,
      studentId: query.studentId,
      action: query.action,
      page: query.page,
      pageSize: query.pageSize,
    },
    signal,
  });
}

export function auditLogQueryOptions(query: AuditQuery) {
  return queryOptions({
    queryKey: adminKeys.auditPage(query),
    queryFn: ({ signal }) => getAuditLog(query, signal),
    // The current page stays on screen while the next page or filter loads.
    placeholderData: keepPreviousData,
  });
}

export function useAuditLog(query: AuditQuery) {
  return useQuery(auditLogQueryOptions(query));
}
