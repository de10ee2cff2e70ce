import { DataTypes, type Model, type ModelStatic, type Optional, type Sequelize } from 'sequelize';

export const INVENTORY_CATEGORIES = ['MEDICATION', 'SUPPLY', 'EQUIPMENT', 'FIRST_AID'] as const;
export type InventoryCategory = (typeof INVENTORY_CATEGORIES)[number];
export const STOCK_TRANSACTION_TYPES = ['RECEIVE', 'DISPENSE', 'ADJUST', 'WASTE'] as const;
export type StockTransactionType = (typeof STOCK_TRANSACTION_TYPES)[number];

export interface InventoryItemAttributes {
  id: string;
  organizationId: string;
  schoolId: string | null;
  name: string;
  category: InventoryCategory;
  unit: string;
  /** The running count: changed only together with a stock transaction row. */
  quantity: number;
  reorderLevel: number;
  lotNumber: string | null;
  /** YYYY-MM-DD */
  expiresOn: string | null;
  location: string | null;
  createdAt: Date;
  updatedAt: Date;
}
export type InventoryItemCreation = Optional<
  InventoryItemAttributes,
  'id' | 'createdAt' | 'updatedAt' | 'quantity' | 'schoolId' | 'lotNumber' | 'expiresOn' | 'location'
>;
export type InventoryItemInstance = Model<InventoryItemAttributes, InventoryItemCreation> &
  InventoryItemAttributes;
export type InventoryItemModel = ModelStatic<InventoryItemInstance>;

export interface StockTransactionAttributes {
  id: string;
  organizationId: string;
  itemId: string;
  performedBy: string;
  type: StockTransactionType;
  /** Signed: what this row added to or took from the item's quantity. */
  quantityChange: number;
  reason: string | null;
  lotNumber: string | null;
  expiresOn: string | null;
  createdAt: Date;
}
export type StockTransactionCreation = Optional<
  StockTransactionAttributes,
  'id' | 'createdAt' | 'reason' | 'lotNumber' | 'expiresOn'
>;
export type StockTransactionInstance = Model<StockTransactionAttributes, StockTransactionCreation> &
  StockTransactionAttributes;
export type StockTransactionModel = ModelStatic<StockTransactionInstance>;

export interface InventoryModels {
  Item: InventoryItemModel;
  Transaction: StockTransactionModel;
}

export function defineInventoryModels(sequelize: Sequelize): InventoryModels {
  const Item = sequelize.define<InventoryItemInstance>(
    'InventoryItem',
    {
      id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
      organizationId: { type: DataTypes.UUID, allowNull: false },
      schoolId: { type: DataTypes.UUID, allowNull: true },
      name: { type: DataTypes.TEXT, allowNull: false },
      category: { type: DataTypes.TEXT, allowNull: false },
      unit: { type: DataTypes.TEXT, allowNull: false },
      quantity: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      reorderLevel: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      lotNumber: { type: DataTypes.TEXT, allowNull: true },
      expiresOn: { type: DataTypes.DATEONLY, allowNull: true },
      location: { type: DataTypes.TEXT, allowNull: true },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { tableName: 'inventory_items' },
  );
  const Transaction = sequelize.define<StockTransactionInstance>(
    'InventoryTransaction',
    {
      id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
      organizationId: { type: DataTypes.UUID, allowNull: false },
      itemId: { type: DataTypes.UUID, allowNull: false },
      performedBy: { type: DataTypes.UUID, allowNull: false },
      type: { type: DataTypes.TEXT, allowNull: false },
      quantityChange: { type: DataTypes.INTEGER, allowNull: false },
      reason: { type: DataTypes.TEXT, allowNull: true },
      lotNumber: { type: DataTypes.TEXT, allowNull: true },
      expiresOn: { type: DataTypes.DATEONLY, allowNull: true },
      createdAt: DataTypes.DATE,
    },
    // An append-only ledger: rows are never updated, so there is no updated_at.
    { tableName: 'inventory_transactions', updatedAt: false },
  );
  return { Item, Transaction };
}
