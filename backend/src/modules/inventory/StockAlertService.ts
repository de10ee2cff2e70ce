/**
 * What the inventory-maintenance job asks: which items are low and which lots run out of date
 * soon. No actor and no audit (stock is not health data, and a job reads on nobody's behalf).
 *
 * "Once per item per condition" is once per episode, not once ever: a low-stock episode is
 * named by the ledger row that took the quantity from above the reorder level to at or under
 * it (or by "created" when the item has never been above it), so a restock followed by a new
 * fall notifies again, while a partial delivery that leaves the item low does not. A lot is
 * named by the item, its expiry date and its lot number, so a delivery of a new lot that also
 * runs out soon is a new lot to report.
 */
import { QueryTypes, type Sequelize } from 'sequelize';
import type {
  ExpiringLot,
  LowStockItem,
} from '../../infrastructure/jobs/processors/inventoryMaintenanceProcessor.js';
import { EXPIRING_SOON_DAYS } from './views.js';

// The shapes the inventory-maintenance job asks for are its own; this service answers them.
export type { ExpiringLot, LowStockItem };

export const NEVER_ABOVE_REORDER_LEVEL = 'created';

// The running count after each ledger row, in ledger order (ROWS, so rows written at the same
// instant are summed one at a time); the episode began at the last row that crossed the level.
const LOW_STOCK_SQL = `
  WITH low AS (
    SELECT i.id, i.name, i.unit, i.quantity, i.reorder_level
      FROM inventory_items i
     WHERE i.organization_id = :organizationId AND i.quantity <= i.reorder_level
  ),
  ledger AS (
    SELECT t.item_id, t.id, t.created_at, t.quantity_change,
           sum(t.quantity_change) OVER (PARTITION BY t.item_id ORDER BY t.created_at, t.id
                                        ROWS UNBOUNDED PRECEDING) AS after
      FROM inventory_transactions t
      JOIN low ON low.id = t.item_id
     WHERE t.organization_id = :organizationId
  )
  SELECT low.id AS "itemId", low.name, low.unit, low.quantity, low.reorder_level AS "reorderLevel",
         coalesce((SELECT l.id::text FROM ledger l
                    WHERE l.item_id = low.id AND l.after <= low.reorder_level
                      AND l.after - l.quantity_change > low.reorder_level
                    ORDER BY l.created_at DESC, l.id DESC LIMIT 1), :never) AS episode
    FROM low
   ORDER BY lower(low.name), low.id`;

// "Within 30 days" on the same UTC calendar as the item list's expiringSoon flag. An empty
// item has nothing left to expire (its low stock is reported instead).
const EXPIRING_SQL = `
  SELECT i.id AS "itemId", i.name, i.lot_number AS "lotNumber",
         to_char(i.expires_on, 'YYYY-MM-DD') AS "expiresOn",
         i.expires_on < (now() AT TIME ZONE 'UTC')::date AS expired
    FROM inventory_items i
   WHERE i.organization_id = :organizationId AND i.quantity > 0 AND i.expires_on IS NOT NULL
     AND i.expires_on <= (now() AT TIME ZONE 'UTC')::date + :days
   ORDER BY i.expires_on, lower(i.name), i.id`;

export class StockAlertService {
  constructor(private readonly sequelize: Sequelize) {}

  /** Organizations holding any inventory: the others have nothing to check. */
  async organizationIds(): Promise<string[]> {
    const rows = await this.sequelize.query<{ id: string }>(
      `SELECT DISTINCT organization_id AS id FROM inventory_items`,
      { type: QueryTypes.SELECT },
    );
    return rows.map((r) => r.id);
  }

  /** Items at or under their reorder level, each with the episode it is in. */
  async lowStock(organizationId: string): Promise<LowStockItem[]> {
    return this.sequelize.query<LowStockItem>(LOW_STOCK_SQL, {
      replacements: { organizationId, never: NEVER_ABOVE_REORDER_LEVEL },
      type: QueryTypes.SELECT,
    });
  }

  /** Items in stock whose current lot expires within `days` (or already has). */
  async expiringLots(organizationId: string, days = EXPIRING_SOON_DAYS): Promise<ExpiringLot[]> {
    return this.sequelize.query<ExpiringLot>(EXPIRING_SQL, {
      replacements: { organizationId, days },
      type: QueryTypes.SELECT,
    });
  }
}
