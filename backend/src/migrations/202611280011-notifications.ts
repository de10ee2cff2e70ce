import type { Migration } from './Migration.js';

/**
 * In-app notifications: one row per recipient. The (user, organization) foreign key keeps a
 * notification inside its user's organization; the indexes serve the user's newest-first
 * list and the unread count.
 */
export const notificationsMigration: Migration = {
  name: '202611280011-notifications',
  up: `
    CREATE TABLE notifications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
      user_id uuid NOT NULL,
      type text NOT NULL CHECK (type ~ '^[A-Z][A-Z0-9_]{0,49}$'),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      message text NOT NULL CHECK (length(message) BETWEEN 1 AND 2000),
      created_at timestamptz NOT NULL DEFAULT now(),
      read_at timestamptz,
      FOREIGN KEY (user_id, organization_id) REFERENCES users (id, organization_id) ON DELETE CASCADE
    );
    CREATE INDEX notifications_user_created_idx ON notifications (user_id, created_at DESC, id);
    CREATE INDEX notifications_user_unread_idx ON notifications (user_id, created_at DESC)
      WHERE read_at IS NULL;
  `,
  down: `
    DROP TABLE notifications;
  `,
};
