/** One of the user's notifications, as GET /api/v1/notifications lists it. */
export interface Notification {
  id: string;
  type: string;
  title: string;
  message: string;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  data: Notification[];
  /** How many of the user's notifications are unread (all pages). */
  unread: number;
  page: number;
  pageSize: number;
  total: number;
}
