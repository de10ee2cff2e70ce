import type { Migration } from './Migration.js';

// Placeholder: the medications module's schema is written here.
export const medicationsMigration: Migration = {
  name: '202611280005-medications',
  up: 'SELECT 1',
  down: 'SELECT 1',
};
