import type { Migration } from './Migration.js';

/**
 * Jobs must never tell someone the same thing twice (a retried reminder, two sweeps that
 * overlap): a notification may carry a dedupe key, unique per recipient, and an insert that
 * meets an existing key does nothing.
 */
export const notificationDedupeMigration: Migration = {
  name: '202611280012-notification-dedupe',
  up: `
    ALTER TABLE notifications ADD COLUMN dedupe_key text CHECK (length(dedupe_key) BETWEEN 1 AND 200);
    CREATE UNIQUE INDEX notifications_user_dedupe_idx ON notifications (user_id, dedupe_key)
      WHERE dedupe_key IS NOT NULL;
  `,
  down: `
    DROP INDEX notifications_user_dedupe_idx;
    ALTER TABLE notifications DROP COLUMN dedupe_key;
  `,
};
