import type { Plugin, Server } from '@hapi/hapi';
import { getQueueManager } from '../../infrastructure/jobs/jobsPlugin.js';
import { JOB_TYPES } from '../../infrastructure/jobs/jobTypes.js';
import { createInventoryMaintenanceProcessor } from '../../infrastructure/jobs/processors/inventoryMaintenanceProcessor.js';
import { InventoryListCache } from './InventoryListCache.js';
import { InventoryService } from './InventoryService.js';
import { defineInventoryModels } from './models.js';
import { inventoryRoutes } from './routes.js';
import { StockAlertService } from './StockAlertService.js';
import { StockLedger } from './StockLedger.js';

export { InventoryService } from './InventoryService.js';
export type { CreateItemInput, UpdateItemInput } from './InventoryService.js';
export { StockLedger } from './StockLedger.js';
export type { Reconciliation, StockChangeInput } from './StockLedger.js';
export type { InventoryItemView, StockTransactionView } from './views.js';
export {
  INVENTORY_CATEGORIES,
  STOCK_TRANSACTION_TYPES,
  type InventoryCategory,
  type StockTransactionType,
} from './models.js';

declare module '@hapi/hapi' {
  interface PluginProperties {
    inventory: { service: InventoryService; ledger: StockLedger };
  }
}

export const inventoryPlugin: Plugin<void> = {
  name: 'inventory',
  dependencies: ['database', 'auth', 'audit', 'students', 'jobs', 'notifications'],
  register(server) {
    const { sequelize, cache } = server.app;
    const { Item, Transaction } = defineInventoryModels(sequelize);
    const audit = () => server.plugins.audit.service;
    const listCache = new InventoryListCache(Item, cache);
    const ledger = new StockLedger(Item, Transaction, sequelize, audit, listCache);
    const service = new InventoryService(Item, sequelize, audit, listCache, ledger);
    server.expose('service', service);
    server.expose('ledger', ledger);
    server.route(inventoryRoutes(service, ledger));
    registerMaintenance(server, new StockAlertService(sequelize));
  },
};

/** The notifications plugin registers after this one: it is looked up per call. */
function registerMaintenance(server: Server, alerts: StockAlertService): void {
  const queues = getQueueManager(server);
  queues.registerProcessor(
    JOB_TYPES.INVENTORY_MAINTENANCE,
    createInventoryMaintenanceProcessor({
      organizationIds: () => alerts.organizationIds(),
      lowStock: (organizationId) => alerts.lowStock(organizationId),
      expiringLots: (organizationId) => alerts.expiringLots(organizationId),
      notifyStaff: (organizationId, dedupeKey, notice) =>
        server.plugins.notifications.service.notifyStaffOnce(
          organizationId,
          ['NURSE', 'ADMIN'],
          dedupeKey,
          notice,
        ),
      enqueue: (jobs) => queues.addJobs(JOB_TYPES.INVENTORY_MAINTENANCE, jobs),
    }),
  );
}
