import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import { isApiError } from '@/services/api/ApiError';
import type { IntegrationStatus, IntegrationStatusResponse } from '../types';
import { integrationKeys } from './integrationKeys';

/** A circuit opens and closes on its own: an admin watching the page sees it without reloading. */
export const INTEGRATIONS_REFRESH_MS = 10_000;

export async function getIntegrations(signal?: AbortSignal): Promise<IntegrationStatus[]> {
  const response = await apiRequest<IntegrationStatusResponse>('/api/v1/admin/integrations', { signal });
  return response.data;
}

export function integrationsQueryOptions() {
  return queryOptions({
    queryKey: integrationKeys.statuses(),
    queryFn: ({ signal }) => getIntegrations(signal),
    // A 403 will not turn into a 200 by asking again.
    refetchInterval: (query) =>
      isApiError(query.state.error) && query.state.error.status === 403 ? false : INTEGRATIONS_REFRESH_MS,
  });
}

export function useIntegrations() {
  return useQuery(integrationsQueryOptions());
}
