import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/services/api/apiClient';
import type { ApiError } from '@/services/api/ApiError';
import type { NotificationPage } from '../types';
import { removeRead } from './notificationCache';
import { notificationKeys } from './notificationKeys';

export function markNotificationRead(notificationId: string): Promise<unknown> {
  return apiRequest<unknown>(`/api/v1/notifications/${encodeURIComponent(notificationId)}/read`, {
    method: 'POST',
  });
}

/** Marks one notification read and drops it from the unread list and count. */
export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation<unknown, ApiError, string>({
    mutationFn: markNotificationRead,
    onSuccess: (_result, notificationId) => {
      queryClient.setQueryData<NotificationPage>(notificationKeys.unread(), (page) =>
        page ? removeRead(page, notificationId) : page,
      );
    },
  });
}
