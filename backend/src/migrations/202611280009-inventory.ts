import type { Migration } from './Migration.js';

export const inventoryMigration: Migration = {
  name: '202611280009-inventory',
  up: `
    CREATE TABLE inventory_items (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
      school_id uuid,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      category text NOT NULL CHECK (category IN ('MEDICATION','SUPPLY','EQUIPMENT','FIRST_AID')),
      unit text NOT NULL CHECK (length(unit) BETWEEN 1 AND 50),
      -- the running count, changed only together with an inventory_transactions row
      quantity integer NOT NULL DEFAULT 0 CHECK (quantity >= 0),
      reorder_level integer NOT NULL DEFAULT 0 CHECK (reorder_level >= 0),
      lot_number text CHECK (length(lot_number) <= 100),
      expires_on date,
      location text CHECK (length(location) <= 200),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (school_id, organization_id) REFERENCES schools (id, organization_id),
      UNIQUE (id, organization_id)
    );
    CREATE INDEX inventory_items_org_name_idx ON inventory_items (organization_id, lower(name));

    CREATE TABLE inventory_transactions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
      item_id uuid NOT NULL,
      performed_by uuid NOT NULL,
      type text NOT NULL CHECK (type IN ('RECEIVE','DISPENSE','ADJUST','WASTE')),
      -- signed: what this row added to (or took from) the item's quantity
      quantity_change integer NOT NULL CHECK (quantity_change <> 0),
      reason text CHECK (length(reason) BETWEEN 1 AND 500),
      lot_number text CHECK (length(lot_number) <= 100),
      expires_on date,
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (item_id, organization_id) REFERENCES inventory_items (id, organization_id) ON DELETE RESTRICT,
      FOREIGN KEY (performed_by, organization_id) REFERENCES users (id, organization_id) ON DELETE RESTRICT,
      CHECK (type = 'ADJUST' OR (type = 'RECEIVE') = (quantity_change > 0)),
      CHECK (type NOT IN ('ADJUST','WASTE') OR reason IS NOT NULL)
    );
    CREATE INDEX inventory_transactions_item_idx ON inventory_transactions (organization_id, item_id, created_at DESC);
  `,
  down: `
    DROP TABLE inventory_transactions;
    DROP TABLE inventory_items;
  `,
};
