import type { Migration } from './Migration.js';

// Placeholder: the notifications module's schema is written here.
export const notificationsMigration: Migration = {
  name: '202611280011-notifications',
  up: 'SELECT 1',
  down: 'SELECT 1',
};
