/**
 * What the API answers for stock. Timestamps are ISO strings so a record reads the same
 * whether it came from Postgres or from the cached list; the flags are computed on the way
 * out, because "expiring soon" changes with the calendar, not with the row.
 */
import type { InventoryItemAttributes, InventoryItemInstance, StockTransactionInstance } from './models.js';

export type InventoryItemRecord = Omit<InventoryItemAttributes, 'createdAt' | 'updatedAt'> & {
  createdAt: string;
  updatedAt: string;
};

export type InventoryItemView = InventoryItemRecord & {
  lowStock: boolean;
  expiringSoon: boolean;
  expired: boolean;
};

export interface StockTransactionView {
  id: string;
  itemId: string;
  performedBy: string;
  type: StockTransactionInstance['type'];
  quantityChange: number;
  reason: string | null;
  lotNumber: string | null;
  expiresOn: string | null;
  createdAt: string;
}

export const EXPIRING_SOON_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** YYYY-MM-DD, `days` from today (UTC); comparable as text with a DATEONLY column. */
export function isoDateIn(days: number, now = new Date()): string {
  return new Date(now.getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

export function toItemRecord(i: InventoryItemInstance): InventoryItemRecord {
  return {
    id: i.id,
    organizationId: i.organizationId,
    schoolId: i.schoolId,
    name: i.name,
    category: i.category,
    unit: i.unit,
    quantity: i.quantity,
    reorderLevel: i.reorderLevel,
    lotNumber: i.lotNumber,
    expiresOn: i.expiresOn,
    location: i.location,
    createdAt: new Date(i.createdAt).toISOString(),
    updatedAt: new Date(i.updatedAt).toISOString(),
  };
}

export function withFlags(record: InventoryItemRecord, now = new Date()): InventoryItemView {
  const expiresOn = record.expiresOn;
  return {
    ...record,
    lowStock: record.quantity <= record.reorderLevel,
    expiringSoon: expiresOn !== null && expiresOn <= isoDateIn(EXPIRING_SOON_DAYS, now),
    expired: expiresOn !== null && expiresOn < isoDateIn(0, now),
  };
}

export function toTransactionView(t: StockTransactionInstance): StockTransactionView {
  return {
    id: t.id,
    itemId: t.itemId,
    performedBy: t.performedBy,
    type: t.type,
    quantityChange: t.quantityChange,
    reason: t.reason,
    lotNumber: t.lotNumber,
    expiresOn: t.expiresOn,
    createdAt: new Date(t.createdAt).toISOString(),
  };
}
