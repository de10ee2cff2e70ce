import type { InventoryItem, StockTransaction } from '../types';

/** One item as GET /api/v1/inventory answers it; tests override what they need. */
export function inventoryItem(overrides: Partial<InventoryItem> = {}): InventoryItem {
  return {
    id: 'i1',
    schoolId: null,
    name: 'Epinephrine auto-injector',
    category: 'MEDICATION',
    unit: 'pens',
    quantity: 12,
    reorderLevel: 4,
    lotNumber: 'LOT-7',
    expiresOn: '2027-01-31',
    location: 'Cabinet A',
    lowStock: false,
    expiringSoon: false,
    expired: false,
    ...overrides,
  };
}

export function stockTransaction(overrides: Partial<StockTransaction> = {}): StockTransaction {
  return {
    id: 't1',
    itemId: 'i1',
    performedBy: 'u1',
    type: 'RECEIVE',
    quantityChange: 12,
    reason: 'Opening stock',
    lotNumber: null,
    expiresOn: null,
    createdAt: '2026-03-01T08:00:00Z',
    ...overrides,
  };
}
