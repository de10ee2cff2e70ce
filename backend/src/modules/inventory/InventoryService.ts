/**
 * Inventory items of one organization: the list (from the write-through cache), one item,
 * creation and edits. The quantity is not edited here: it moves only through StockLedger.
 */
import type { Sequelize } from 'sequelize';
import type { Actor } from '../../infrastructure/http/actor.js';
import { AppError } from '../../infrastructure/http/AppError.js';
import type { AuditService } from '../audit/index.js';
import type { InventoryListCache } from './InventoryListCache.js';
import type { InventoryCategory, InventoryItemAttributes, InventoryItemModel } from './models.js';
import type { StockLedger } from './StockLedger.js';
import {
  isoDateIn,
  toItemRecord,
  withFlags,
  type InventoryItemRecord,
  type InventoryItemView,
} from './views.js';

export interface InventoryQuery {
  search?: string;
  category?: InventoryCategory;
  schoolId?: string;
  lowStock?: boolean;
  expiringWithinDays?: number;
  page: number;
  pageSize: number;
}

type EditableFields = Pick<InventoryItemAttributes, 'name' | 'category' | 'unit' | 'reorderLevel'> & {
  lotNumber?: string | null;
  expiresOn?: string | Date | null;
  location?: string | null;
  schoolId?: string | null;
};
export type CreateItemInput = EditableFields & { initialQuantity?: number };
export type UpdateItemInput = Partial<EditableFields>;

export const ITEM_ENTITY = 'inventory_item';
const OPENING_STOCK_REASON = 'Opening stock';

/** Joi hands dates over as Date objects; the column is a calendar date. */
function asDateOnly(value: string | Date | null | undefined): string | null | undefined {
  return value instanceof Date ? value.toISOString().slice(0, 10) : value;
}

function matches(item: InventoryItemRecord, query: InventoryQuery, now: Date): boolean {
  if (query.category && item.category !== query.category) return false;
  if (query.schoolId && item.schoolId !== query.schoolId) return false;
  if (query.lowStock !== undefined && item.quantity <= item.reorderLevel !== query.lowStock) return false;
  if (query.expiringWithinDays !== undefined) {
    if (!item.expiresOn || item.expiresOn > isoDateIn(query.expiringWithinDays, now)) return false;
  }
  if (query.search) {
    const term = query.search.toLowerCase();
    const haystack = [item.name, item.lotNumber, item.location].filter(Boolean).join(' ').toLowerCase();
    if (!haystack.includes(term)) return false;
  }
  return true;
}

export class InventoryService {
  constructor(
    private readonly Item: InventoryItemModel,
    private readonly sequelize: Sequelize,
    private readonly audit: () => AuditService,
    private readonly listCache: InventoryListCache,
    private readonly ledger: StockLedger,
  ) {}

  async list(
    actor: Actor,
    query: InventoryQuery,
  ): Promise<{ data: InventoryItemView[]; page: number; pageSize: number; total: number }> {
    const now = new Date();
    const all = await this.listCache.all(actor.organizationId);
    const matching = all.filter((item) => matches(item, query, now));
    const start = (query.page - 1) * query.pageSize;
    return {
      data: matching.slice(start, start + query.pageSize).map((item) => withFlags(item, now)),
      page: query.page,
      pageSize: query.pageSize,
      total: matching.length,
    };
  }

  async get(actor: Actor, id: string): Promise<InventoryItemView> {
    const item = await this.Item.findOne({ where: { id, organizationId: actor.organizationId } });
    if (!item) throw AppError.notFound('Inventory item');
    return withFlags(toItemRecord(item));
  }

  async create(actor: Actor, input: CreateItemInput): Promise<InventoryItemView> {
    const { initialQuantity = 0, expiresOn, ...fields } = input;
    const record = await this.sequelize.transaction(async (transaction) => {
      const item = await this.Item.create(
        { ...fields, expiresOn: asDateOnly(expiresOn) ?? null, organizationId: actor.organizationId },
        { transaction },
      );
      await this.audit().recordFor(
        actor,
        'inventory.create',
        { type: ITEM_ENTITY, id: item.id },
        {},
        transaction,
      );
      if (initialQuantity > 0) {
        await this.ledger.apply(
          actor,
          item,
          { type: 'RECEIVE', quantity: initialQuantity, reason: OPENING_STOCK_REASON },
          transaction,
        );
      }
      return toItemRecord(item);
    });
    await this.listCache.refresh(actor.organizationId);
    return withFlags(record);
  }

  async update(actor: Actor, id: string, input: UpdateItemInput): Promise<InventoryItemView> {
    const record = await this.sequelize.transaction(async (transaction) => {
      const item = await this.Item.findOne({
        where: { id, organizationId: actor.organizationId },
        transaction,
        lock: transaction.LOCK.UPDATE,
      });
      if (!item) throw AppError.notFound('Inventory item');
      const { expiresOn, ...rest } = input;
      await item.update(
        { ...rest, ...(expiresOn !== undefined ? { expiresOn: asDateOnly(expiresOn) } : {}) },
        { transaction },
      );
      await this.audit().recordFor(
        actor,
        'inventory.update',
        { type: ITEM_ENTITY, id },
        { fields: Object.keys(input) },
        transaction,
      );
      return toItemRecord(item);
    });
    await this.listCache.refresh(actor.organizationId);
    return withFlags(record);
  }
}
