import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { NotificationPage } from '../types';
import { notificationKeys } from './notificationKeys';

/** The menu shows the newest unread notifications; the count covers all of them. */
export const UNREAD_PAGE_SIZE = 20;

export function getUnreadNotifications(signal?: AbortSignal): Promise<NotificationPage> {
  return apiRequest<NotificationPage>('/api/v1/notifications', {
    query: { unread: true, page: 1, pageSize: UNREAD_PAGE_SIZE },
    signal,
  });
}

export function unreadNotificationsQueryOptions() {
  return queryOptions({
    queryKey: notificationKeys.unread(),
    queryFn: ({ signal }) => getUnreadNotifications(signal),
  });
}

export function useUnreadNotifications() {
  return useQuery(unreadNotificationsQueryOptions());
}
