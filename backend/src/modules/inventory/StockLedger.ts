/**
 * Stock movements. Every change to an item's quantity is a ledger row written in the same
 * transaction as the new running count, under a row lock on the item, so concurrent
 * dispenses serialize and `quantity` always equals the sum of the item's rows.
 */
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import type { Actor } from '../../infrastructure/http/actor.js';
import { AppError } from '../../infrastructure/http/AppError.js';
import type { AuditService } from '../audit/index.js';
import type { InventoryListCache } from './InventoryListCache.js';
import type {
  InventoryItemInstance,
  InventoryItemModel,
  StockTransactionModel,
  StockTransactionType,
} from './models.js';
import {
  toItemRecord,
  toTransactionView,
  withFlags,
  type InventoryItemView,
  type StockTransactionView,
} from './views.js';

export interface StockChangeInput {
  type: StockTransactionType;
  /** Positive; only an ADJUST carries a sign. */
  quantity: number;
  reason?: string | null;
  lotNumber?: string | null;
  expiresOn?: string | Date | null;
}

export interface Reconciliation {
  quantity: number;
  sumOfTransactions: number;
  consistent: boolean;
}

const ITEM_ENTITY = 'inventory_item';

function signedChange({ type, quantity }: StockChangeInput): number {
  if (type === 'DISPENSE' || type === 'WASTE') return -quantity;
  return quantity;
}

function asDateOnly(value: string | Date | null | undefined): string | null {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value ?? null;
}

export class StockLedger {
  constructor(
    private readonly Item: InventoryItemModel,
    private readonly Transaction: StockTransactionModel,
    private readonly sequelize: Sequelize,
    private readonly audit: () => AuditService,
    private readonly listCache: InventoryListCache,
  ) {}

  async record(
    actor: Actor,
    itemId: string,
    input: StockChangeInput,
  ): Promise<{ transaction: StockTransactionView; item: InventoryItemView }> {
    const result = await this.sequelize.transaction(async (transaction) => {
      const item = await this.lockItem(actor.organizationId, itemId, transaction);
      const row = await this.apply(actor, item, input, transaction);
      return { transaction: row, item: withFlags(toItemRecord(item)) };
    });
    await this.listCache.refresh(actor.organizationId);
    return result;
  }

  /** Writes the ledger row and the new count; the caller holds the item's row lock. */
  async apply(
    actor: Actor,
    item: InventoryItemInstance,
    input: StockChangeInput,
    transaction: Transaction,
  ): Promise<StockTransactionView> {
    const change = signedChange(input);
    if (item.quantity + change < 0) {
      // Nothing is written: the count would go negative, so the stock on the shelf is not there.
      throw new AppError(422, 'Insufficient stock: the quantity cannot go below zero');
    }
    const row = await this.Transaction.create(
      {
        organizationId: item.organizationId,
        itemId: item.id,
        performedBy: actor.userId,
        type: input.type,
        quantityChange: change,
        reason: input.reason ?? null,
        lotNumber: input.lotNumber ?? null,
        expiresOn: asDateOnly(input.expiresOn),
      },
      { transaction },
    );
    // A delivery of a new lot becomes the item's current lot and expiry.
    const newLot =
      input.type === 'RECEIVE' && input.lotNumber
        ? { lotNumber: input.lotNumber, expiresOn: asDateOnly(input.expiresOn) }
        : {};
    await item.update({ quantity: item.quantity + change, ...newLot }, { transaction });
    await this.audit().recordFor(
      actor,
      `inventory.${input.type.toLowerCase()}`,
      { type: ITEM_ENTITY, id: item.id },
      { transactionId: row.id, quantityChange: change },
      transaction,
    );
    return toTransactionView(row);
  }

  async list(
    actor: Actor,
    itemId: string,
    page: { page: number; pageSize: number },
  ): Promise<{ data: StockTransactionView[]; page: number; pageSize: number; total: number }> {
    await this.findItem(actor.organizationId, itemId);
    const { rows, count } = await this.Transaction.findAndCountAll({
      where: { organizationId: actor.organizationId, itemId },
      order: [
        ['createdAt', 'DESC'],
        ['id', 'ASC'],
      ],
      limit: page.pageSize,
      offset: (page.page - 1) * page.pageSize,
    });
    return { data: rows.map(toTransactionView), page: page.page, pageSize: page.pageSize, total: count };
  }

  /** Does the running count equal the sum of the ledger? One statement, one snapshot. */
  async reconcile(actor: Actor, itemId: string): Promise<Reconciliation> {
    const [row] = await this.sequelize.query<{ quantity: number; sum: string }>(
      `SELECT i.quantity,
              (SELECT coalesce(sum(t.quantity_change), 0) FROM inventory_transactions t
                WHERE t.organization_id = i.organization_id AND t.item_id = i.id)::text AS sum
         FROM inventory_items i
        WHERE i.id = :itemId AND i.organization_id = :organizationId`,
      { replacements: { itemId, organizationId: actor.organizationId }, type: QueryTypes.SELECT },
    );
    if (!row) throw AppError.notFound('Inventory item');
    const sumOfTransactions = Number(row.sum);
    return { quantity: row.quantity, sumOfTransactions, consistent: row.quantity === sumOfTransactions };
  }

  private async findItem(organizationId: string, id: string): Promise<InventoryItemInstance> {
    const item = await this.Item.findOne({ where: { id, organizationId } });
    if (!item) throw AppError.notFound('Inventory item');
    return item;
  }

  private async lockItem(
    organizationId: string,
    id: string,
    transaction: Transaction,
  ): Promise<InventoryItemInstance> {
    const item = await this.Item.findOne({
      where: { id, organizationId },
      transaction,
      lock: transaction.LOCK.UPDATE,
    });
    if (!item) throw AppError.notFound('Inventory item');
    return item;
  }
}
