import type { Migration } from './Migration.js';

// Placeholder: the immunizations module's schema is written here.
export const immunizationsMigration: Migration = {
  name: '202611280006-immunizations',
  up: 'SELECT 1',
  down: 'SELECT 1',
};
