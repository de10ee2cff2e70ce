import { useQueryClient } from '@tanstack/react-query';
import { useHealthNotifications } from '@/services/websocket/useWebSocket';
import { addUnread } from '../api/notificationCache';
import { notificationKeys } from '../api/notificationKeys';
import type { NotificationPage } from '../types';

/** `health:notification` events join the unread list as they arrive. */
export function useLiveNotifications(): void {
  const queryClient = useQueryClient();
  useHealthNotifications((notification) => {
    const key = notificationKeys.unread();
    if (queryClient.getQueryData(key) === undefined) {
      void queryClient.invalidateQueries({ queryKey: key });
      return;
    }
    queryClient.setQueryData<NotificationPage>(key, (page) =>
      page ? addUnread(page, { ...notification, readAt: null }) : page,
    );
  });
}
