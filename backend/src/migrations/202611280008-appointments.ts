import type { Migration } from './Migration.js';

// Placeholder: the appointments module's schema is written here.
export const appointmentsMigration: Migration = {
  name: '202611280008-appointments',
  up: 'SELECT 1',
  down: 'SELECT 1',
};
