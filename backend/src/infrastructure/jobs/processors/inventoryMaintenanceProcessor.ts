/**
 * The inventory-maintenance job. Without an organization it fans out one job per organization
 * (each retried on its own; ids derived from this job's id, so a retry enqueues nothing twice).
 * For one organization it tells the nurses and admins about each low-stock item and each lot
 * expiring soon, once per item per condition: the dedupe key names the low-stock episode or
 * the lot (the service defines both), so a retry or the next sweep tells nobody twice.
 */
import type { Job } from 'bullmq';
import type { JobInput, JobPayloads } from '../jobTypes.js';
import type { AddJobOptions, JobProcessor } from '../QueueManager.js';
import { fanOutToOrganizations } from './fanOut.js';

export interface LowStockItem {
  itemId: string;
  name: string;
  unit: string;
  quantity: number;
  reorderLevel: number;
  /** Names the low-stock episode: a new fall after a restock is a new episode. */
  episode: string;
}

export interface ExpiringLot {
  itemId: string;
  name: string;
  lotNumber: string | null;
  expiresOn: string;
  expired: boolean;
}

export interface StockNotice {
  type: string;
  title: string;
  message: string;
}

export interface InventoryMaintenanceServices {
  organizationIds(): Promise<string[]>;
  lowStock(organizationId: string): Promise<LowStockItem[]>;
  expiringLots(organizationId: string): Promise<ExpiringLot[]>;
  /** Notifies the organization's nurses and admins who have not had `dedupeKey`; how many were new. */
  notifyStaff(organizationId: string, dedupeKey: string, notice: StockNotice): Promise<number>;
  enqueue(
    jobs: ReadonlyArray<{ data: JobInput<'inventory-maintenance'>; options: AddJobOptions }>,
  ): Promise<unknown>;
}

export interface InventoryMaintenanceSummary {
  organizations: number;
  /** Items whose condition was newly reported by this run. */
  lowStock: number;
  expiring: number;
}

type Payload = JobPayloads['inventory-maintenance'];

export const lowStockDedupeKey = (item: LowStockItem) => `inventory:low-stock:${item.itemId}:${item.episode}`;

export const expiringDedupeKey = (lot: ExpiringLot) =>
  `inventory:expiring:${lot.itemId}:${lot.expiresOn}:${lot.lotNumber ?? ''}`;

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

function lowStockNotice(item: LowStockItem): StockNotice {
  return {
    type: 'INVENTORY_LOW_STOCK',
    title: clip(`Low stock: ${item.name}`, 200),
    message: clip(
      `${item.name}: ${item.quantity} ${item.unit} left, at or under the reorder level of ${item.reorderLevel}.`,
      2_000,
    ),
  };
}

function expiringNotice(lot: ExpiringLot): StockNotice {
  const lotName = lot.lotNumber ? `lot ${lot.lotNumber}` : 'the current lot';
  return {
    type: 'INVENTORY_EXPIRING',
    title: clip(`${lot.expired ? 'Expired' : 'Expiring soon'}: ${lot.name}`, 200),
    message: clip(
      `${lot.name}, ${lotName}, ${lot.expired ? 'expired' : 'expires'} on ${lot.expiresOn}.`,
      2_000,
    ),
  };
}

export function createInventoryMaintenanceProcessor(
  services: InventoryMaintenanceServices,
): JobProcessor<'inventory-maintenance'> {
  async function fanOut(job: Job<Payload>): Promise<InventoryMaintenanceSummary> {
    const organizations = await fanOutToOrganizations(
      await services.organizationIds(),
      { prefix: 'sweep', parentJobId: String(job.id), dataFor: (organizationId) => ({ organizationId }) },
      services.enqueue,
    );
    return { organizations, lowStock: 0, expiring: 0 };
  }

  async function check(organizationId: string): Promise<InventoryMaintenanceSummary> {
    let lowStock = 0;
    for (const item of await services.lowStock(organizationId)) {
      if ((await services.notifyStaff(organizationId, lowStockDedupeKey(item), lowStockNotice(item))) > 0)
        lowStock += 1;
    }
    let expiring = 0;
    for (const lot of await services.expiringLots(organizationId)) {
      if ((await services.notifyStaff(organizationId, expiringDedupeKey(lot), expiringNotice(lot))) > 0)
        expiring += 1;
    }
    return { organizations: 1, lowStock, expiring };
  }

  return async (data, job) => (data.organizationId === undefined ? fanOut(job) : check(data.organizationId));
}
