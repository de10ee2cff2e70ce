import type { Notification, NotificationPage } from '../types';

/** A notification pushed by the socket joins the top of the unread list (once). */
export function addUnread(page: NotificationPage, notification: Notification): NotificationPage {
  if (page.data.some((existing) => existing.id === notification.id)) return page;
  return {
    ...page,
    data: [notification, ...page.data].slice(0, Math.max(page.pageSize, 1)),
    unread: page.unread + 1,
    total: page.total + 1,
  };
}

/** A notification marked read leaves the unread list. */
export function removeRead(page: NotificationPage, notificationId: string): NotificationPage {
  if (!page.data.some((existing) => existing.id === notificationId)) return page;
  return {
    ...page,
    data: page.data.filter((existing) => existing.id !== notificationId),
    unread: Math.max(page.unread - 1, 0),
    total: Math.max(page.total - 1, 0),
  };
}
