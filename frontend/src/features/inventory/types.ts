export const INVENTORY_CATEGORIES = ['MEDICATION', 'SUPPLY', 'EQUIPMENT', 'FIRST_AID'] as const;
export type InventoryCategory = (typeof INVENTORY_CATEGORIES)[number];

export const STOCK_TRANSACTION_TYPES = ['RECEIVE', 'DISPENSE', 'ADJUST', 'WASTE'] as const;
export type StockTransactionType = (typeof STOCK_TRANSACTION_TYPES)[number];

/** The server's "expiring soon" horizon, in days (views.ts EXPIRING_SOON_DAYS). */
export const EXPIRING_SOON_DAYS = 30;
export const MAX_QUANTITY = 1_000_000;
/** What the server accepts as a lot number. */
export const LOT_NUMBER_PATTERN = /^[A-Za-z0-9./-]+$/;

/** GET /api/v1/inventory rows and GET /api/v1/inventory/{id}. */
export interface InventoryItem {
  id: string;
  schoolId: string | null;
  name: string;
  category: InventoryCategory;
  unit: string;
  quantity: number;
  reorderLevel: number;
  /** The current lot and its expiry ('YYYY-MM-DD'): the nearest to expire. */
  lotNumber: string | null;
  expiresOn: string | null;
  location: string | null;
  lowStock: boolean;
  expiringSoon: boolean;
  expired: boolean;
}

export interface InventoryPage {
  data: InventoryItem[];
  page: number;
  pageSize: number;
  total: number;
}

export interface InventoryListQuery {
  search: string;
  schoolId: string;
  category: InventoryCategory | '';
  lowStock: boolean;
  expiringSoon: boolean;
  page: number;
  pageSize: number;
}

/** Body of POST /api/v1/inventory; the opening stock is recorded as a RECEIVE. */
export interface NewItemInput {
  name: string;
  category: InventoryCategory;
  unit: string;
  reorderLevel: number;
  initialQuantity: number;
  lotNumber: string | null;
  expiresOn: string | null;
  location: string | null;
  schoolId: string | null;
}

/** Body of POST /api/v1/inventory/{id}/transactions. */
export interface StockChangeInput {
  type: StockTransactionType;
  /** Positive; only an ADJUST carries a sign. */
  quantity: number;
  reason?: string;
  lotNumber?: string;
  expiresOn?: string;
}

export interface StockTransaction {
  id: string;
  itemId: string;
  performedBy: string;
  type: StockTransactionType;
  /** Signed: what the row added to or took from the count. */
  quantityChange: number;
  reason: string | null;
  lotNumber: string | null;
  expiresOn: string | null;
  createdAt: string;
}

export interface StockTransactionPage {
  data: StockTransaction[];
  page: number;
  pageSize: number;
  total: number;
}

/** GET /api/v1/inventory/{id}/reconcile: does the count equal the ledger's sum? */
export interface Reconciliation {
  quantity: number;
  sumOfTransactions: number;
  consistent: boolean;
}
