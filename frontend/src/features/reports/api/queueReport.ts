import { useMutation, type UseMutationOptions } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { ApiError } from '@/services/api/ApiError';
import type { ReportRequest, ReportSelection } from '../types';

/** The queued job's parameters: only the filters the chosen report takes. Validate first. */
export function toReportRequest(selection: ReportSelection): ReportRequest {
  const studentId = selection.student?.id;
  switch (selection.reportType) {
    case 'medication-log':
      return {
        reportType: selection.reportType,
        parameters: { from: selection.from, to: selection.to, ...(studentId ? { studentId } : {}) },
      };
    case 'immunization-compliance':
      return { reportType: selection.reportType, parameters: {} };
    case 'student-health-summary':
      return { reportType: selection.reportType, parameters: { studentId } };
  }
}

/** POST /api/v1/reports: 202 with the report's id; the requester hears `job:*` events about it. */
export function queueReport(request: ReportRequest): Promise<{ id: string }> {
  return apiRequest<{ id: string }>('/api/v1/reports', { method: 'POST', body: request });
}

type QueueReportOptions = Omit<UseMutationOptions<{ id: string }, ApiError, ReportRequest>, 'mutationFn'>;

export function useQueueReport(options: QueueReportOptions = {}) {
  return useMutation<{ id: string }, ApiError, ReportRequest>({ ...options, mutationFn: queueReport });
}
