import type { Migration } from './Migration.js';

// Placeholder: the healthRecords module's schema is written here.
export const healthRecordsMigration: Migration = {
  name: '202611280004-health-records',
  up: 'SELECT 1',
  down: 'SELECT 1',
};
