import type { Migration } from './Migration.js';

// Placeholder: the incidents module's schema is written here.
export const incidentsMigration: Migration = {
  name: '202611280007-incidents',
  up: 'SELECT 1',
  down: 'SELECT 1',
};
