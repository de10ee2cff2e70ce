import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { formatDateTime } from '@/lib/formatDate';
import { useMarkNotificationRead } from '../api/markNotificationRead';
import { useUnreadNotifications } from '../api/getUnreadNotifications';
import { useLiveNotifications } from '../hooks/useLiveNotifications';

export function notificationsLabel(unread: number | undefined): string {
  return unread === undefined ? 'Notifications' : `Notifications (${unread} unread)`;
}

/** The header's notifications button: the unread count in words, and a list to mark read. */
export function NotificationsMenu() {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  useLiveNotifications();
  const notifications = useUnreadNotifications();
  const markRead = useMarkNotificationRead();
  const page = notifications.data;

  // A click elsewhere closes the list.
  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (!menuRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open]);

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' && open) {
      event.stopPropagation();
      setOpen(false);
      buttonRef.current?.focus();
    }
  };

  return (
    <div className="notifications-menu" ref={menuRef} onKeyDown={handleKeyDown}>
      <button
        ref={buttonRef}
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((current) => !current)}
      >
        {notificationsLabel(page?.unread)}
      </button>
      {open && (
        <div id={listId} className="notifications-dropdown stack">
          {notifications.isError && (
            <p className="alert alert-error" role="alert">
              {notifications.error.message}
            </p>
          )}
          {notifications.isPending && (
            <p className="muted" role="status">
              Loading notifications…
            </p>
          )}
          {markRead.isError && (
            <p className="alert alert-error" role="alert">
              {markRead.error.message}
            </p>
          )}
          {page && page.data.length === 0 && <p className="muted">No unread notifications.</p>}
          {page && page.data.length > 0 && (
            <ul className="plain-list stack" aria-label="Unread notifications">
              {page.data.map((notification) => (
                <li key={notification.id} className="notification-item stack">
                  <p className="notification-title">{notification.title}</p>
                  <p>{notification.message}</p>
                  <p className="muted">
                    <time dateTime={notification.createdAt}>{formatDateTime(notification.createdAt)}</time>
                  </p>
                  <div className="row">
                    <button
                      type="button"
                      className="button"
                      disabled={markRead.isPending && markRead.variables === notification.id}
                      onClick={() => markRead.mutate(notification.id)}
                    >
                      Mark read<span className="visually-hidden"> {notification.title}</span>
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
