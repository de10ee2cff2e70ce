import type { Migration } from './Migration.js';

// Placeholder: the inventory module's schema is written here.
export const inventoryMigration: Migration = {
  name: '202611280009-inventory',
  up: 'SELECT 1',
  down: 'SELECT 1',
};
