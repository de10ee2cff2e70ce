/**
 * The organization's whole inventory list in Redis (strategy table: write-through, 2 min).
 * A district holds tens to a few hundred items, so the list is cached whole and filtered in
 * memory. Every write reloads it after commit and writes it through; should that fail, the
 * key is dropped instead. Two writes racing can leave the list one write behind until the
 * TTL ends: acceptable for a stock overview, and the item and reconcile routes read Postgres.
 */
import { CACHE_TTL, cacheKeys, type Cache } from '../../config/redis.js';
import type { InventoryItemModel } from './models.js';
import { toItemRecord, type InventoryItemRecord } from './views.js';

export class InventoryListCache {
  constructor(
    private readonly Item: InventoryItemModel,
    private readonly cache: Cache,
  ) {}

  all(organizationId: string): Promise<InventoryItemRecord[]> {
    return this.cache.getOrLoad(cacheKeys.inventory(organizationId), CACHE_TTL.inventory, () =>
      this.load(organizationId),
    );
  }

  /** After a committed write: the next list read shows it. */
  async refresh(organizationId: string): Promise<void> {
    const key = cacheKeys.inventory(organizationId);
    try {
      await this.cache.set(key, await this.load(organizationId), CACHE_TTL.inventory);
    } catch {
      await this.cache.invalidate(key);
    }
  }

  private async load(organizationId: string): Promise<InventoryItemRecord[]> {
    const items = await this.Item.findAll({
      where: { organizationId },
      order: [
        ['name', 'ASC'],
        ['id', 'ASC'],
      ],
    });
    return items.map(toItemRecord);
  }
}
