import type { Migration } from './Migration.js';

// Placeholder: the alerts module's schema is written here.
export const alertsMigration: Migration = {
  name: '202611280010-alerts',
  up: 'SELECT 1',
  down: 'SELECT 1',
};
