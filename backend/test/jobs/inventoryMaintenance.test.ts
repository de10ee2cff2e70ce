/**
 * The inventory-maintenance job against real Postgres, Redis and sockets: low stock and lots
 * expiring within 30 days notify the organization's nurses and admins once per item per
 * condition, a restock followed by a new fall is a new episode, and other organizations hear
 * nothing. "Nothing arrived" is checked with a sentinel pushed after the job: a socket
 * receives in order, so once the sentinel is in, anything the job sent would be too.
 */
import { QueryTypes } from 'sequelize';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getQueueManager } from '../../src/infrastructure/jobs/jobsPlugin.js';
import { JOB_TYPES, type JobInput } from '../../src/infrastructure/jobs/jobTypes.js';
import type { InventoryMaintenanceSummary } from '../../src/infrastructure/jobs/processors/inventoryMaintenanceProcessor.js';
import type { HealthNotificationPayload } from '../../src/infrastructure/websocket/events.js';
import { bearer, createOrganization, type TestOrganization, type TestUser } from '../helpers/fixtures.js';
import { createItem, isoDateIn, moveStock } from '../helpers/inventoryFixtures.js';
import { completedResult, notificationsSettled } from '../helpers/jobRuns.js';
import { startListeningServer, type ListeningTestServer } from '../helpers/listeningServer.js';
import { closeAll, collect, connectSocket, type ClientSocket } from '../helpers/socketClient.js';

let t: ListeningTestServer;
let orgA: TestOrganization;
let orgB: TestOrganization;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  t = await startListeningServer();
  orgA = await createOrganization(t.server);
  orgB = await createOrganization(t.server);
});
afterEach(() => {
  closeAll(sockets);
  sockets.length = 0;
});
afterAll(() => t?.stop());

const queues = () => getQueueManager(t.server);
const maintenanceQueue = () => queues().queue(JOB_TYPES.INVENTORY_MAINTENANCE);

function finished(id: string): Promise<InventoryMaintenanceSummary> {
  return completedResult<InventoryMaintenanceSummary>(maintenanceQueue(), id);
}

async function run(data: JobInput<'inventory-maintenance'>): Promise<InventoryMaintenanceSummary> {
  return finished(await queues().addJob(JOB_TYPES.INVENTORY_MAINTENANCE, data));
}

interface Listener {
  user: TestUser;
  notifications: HealthNotificationPayload[];
}

async function listen(user: TestUser): Promise<Listener> {
  const socket = await connectSocket(t.url, user.token);
  sockets.push(socket);
  return { user, notifications: collect(socket, 'health:notification') };
}

/** Pushes a sentinel to each user and waits for it: everything sent before it has arrived. */
function settled(...listeners: Listener[]): Promise<void> {
  return notificationsSettled(t.server, ...listeners);
}

const about = (listener: Listener, type: string, name: string) =>
  listener.notifications.filter((n) => n.type === type && n.title.endsWith(name));

interface Row {
  userId: string;
  type: string;
  title: string;
  message: string;
  dedupeKey: string;
}

async function rowsFor(condition: 'low-stock' | 'expiring', itemId: string): Promise<Row[]> {
  return t.server.app.sequelize.query<Row>(
    `SELECT user_id AS "userId", type, title, message, dedupe_key AS "dedupeKey" FROM notifications
      WHERE dedupe_key LIKE :key ORDER BY created_at, user_id`,
    { replacements: { key: `inventory:${condition}:${itemId}:%` }, type: QueryTypes.SELECT },
  );
}

const staffOf = (org: TestOrganization) => [org.nurse.id, org.admin.id].sort();
const recipients = (rows: Row[]) => rows.map((r) => r.userId).sort();

describe('low stock', () => {
  it('tells the nurses and admins once, and nobody again on the next run', async () => {
    const item = await createItem(t.server, orgA.nurse, { reorderLevel: 5, initialQuantity: 10 });
    expect(await moveStock(t.server, orgA.nurse, item.id, { type: 'DISPENSE', quantity: 6 })).toBe(4);
    const [nurse, admin, viewer, otherOrg] = await Promise.all(
      [orgA.nurse, orgA.admin, orgA.viewer, orgB.nurse].map(listen),
    );

    const first = await run({ organizationId: orgA.id });
    expect(first.lowStock).toBe(1);
    const rows = await rowsFor('low-stock', item.id);
    expect(recipients(rows)).toEqual(staffOf(orgA));
    expect(rows[0]).toMatchObject({ type: 'INVENTORY_LOW_STOCK', title: `Low stock: ${item.name}` });
    expect(rows[0]!.message).toBe(`${item.name}: 4 pack left, at or under the reorder level of 5.`);
    await settled(nurse!, admin!, viewer!, otherOrg!);
    expect(about(nurse!, 'INVENTORY_LOW_STOCK', item.name)).toHaveLength(1);
    expect(about(admin!, 'INVENTORY_LOW_STOCK', item.name)).toHaveLength(1);
    expect(viewer!.notifications).toHaveLength(0);

    const second = await run({ organizationId: orgA.id });
    expect(second).toEqual({ organizations: 1, lowStock: 0, expiring: 0 });
    await settled(nurse!, admin!, otherOrg!);
    expect(await rowsFor('low-stock', item.id)).toHaveLength(2);
    expect(about(nurse!, 'INVENTORY_LOW_STOCK', item.name)).toHaveLength(1);
    expect(about(admin!, 'INVENTORY_LOW_STOCK', item.name)).toHaveLength(1);
    expect(otherOrg!.notifications).toHaveLength(0);
  });

  it('is a new episode after a restock and a new fall; a delivery that leaves it low is not', async () => {
    const item = await createItem(t.server, orgA.nurse, { reorderLevel: 5, initialQuantity: 10 });
    const nurse = await listen(orgA.nurse);
    await moveStock(t.server, orgA.nurse, item.id, { type: 'DISPENSE', quantity: 7 }); // 3
    await run({ organizationId: orgA.id });
    expect(await rowsFor('low-stock', item.id)).toHaveLength(2);

    await moveStock(t.server, orgA.nurse, item.id, { type: 'RECEIVE', quantity: 1 }); // 4, still low
    await run({ organizationId: orgA.id });
    await moveStock(t.server, orgA.nurse, item.id, { type: 'RECEIVE', quantity: 10 }); // 14, restocked
    await run({ organizationId: orgA.id });
    await settled(nurse);
    expect(await rowsFor('low-stock', item.id)).toHaveLength(2);
    expect(about(nurse, 'INVENTORY_LOW_STOCK', item.name)).toHaveLength(1);

    await moveStock(t.server, orgA.nurse, item.id, { type: 'DISPENSE', quantity: 10 }); // 4, low again
    expect((await run({ organizationId: orgA.id })).lowStock).toBe(1);
    await settled(nurse);
    const rows = await rowsFor('low-stock', item.id);
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((r) => r.dedupeKey)).size).toBe(2);
    expect(recipients(rows.slice(2))).toEqual(staffOf(orgA));
    expect(about(nurse, 'INVENTORY_LOW_STOCK', item.name)).toHaveLength(2);

    await run({ organizationId: orgA.id });
    expect(await rowsFor('low-stock', item.id)).toHaveLength(4);
  });

  it('counts an item that becomes low when its reorder level is raised, and one never stocked', async () => {
    const raised = await createItem(t.server, orgA.nurse, { reorderLevel: 2, initialQuantity: 8 });
    const empty = await createItem(t.server, orgA.nurse, { reorderLevel: 3 });
    await run({ organizationId: orgA.id });
    expect(await rowsFor('low-stock', raised.id)).toHaveLength(0);
    expect(recipients(await rowsFor('low-stock', empty.id))).toEqual(staffOf(orgA));

    const patch = await t.server.inject({
      method: 'PATCH',
      url: `/api/v1/inventory/${raised.id}`,
      headers: bearer(orgA.admin),
      payload: { reorderLevel: 10 },
    });
    expect(patch.statusCode, patch.payload).toBe(200);
    await run({ organizationId: orgA.id });
    await run({ organizationId: orgA.id });
    expect(recipients(await rowsFor('low-stock', raised.id))).toEqual(staffOf(orgA));
    expect(await rowsFor('low-stock', empty.id)).toHaveLength(2);
  });
});

describe('expiring lots', () => {
  it('tells the staff once per lot expiring within 30 days; a new lot is told again', async () => {
    const soon = isoDateIn(10);
    const item = await createItem(t.server, orgA.nurse, {
      initialQuantity: 5,
      lotNumber: 'LOT-A1',
      expiresOn: soon,
    });
    const later = await createItem(t.server, orgA.nurse, {
      initialQuantity: 5,
      lotNumber: 'LOT-L1',
      expiresOn: isoDateIn(90),
    });
    const nurse = await listen(orgA.nurse);

    expect((await run({ organizationId: orgA.id })).expiring).toBe(1);
    const rows = await rowsFor('expiring', item.id);
    expect(recipients(rows)).toEqual(staffOf(orgA));
    expect(rows[0]).toMatchObject({
      type: 'INVENTORY_EXPIRING',
      title: `Expiring soon: ${item.name}`,
      message: `${item.name}, lot LOT-A1, expires on ${soon}.`,
    });
    expect(await rowsFor('expiring', later.id)).toHaveLength(0);

    await run({ organizationId: orgA.id });
    await settled(nurse);
    expect(await rowsFor('expiring', item.id)).toHaveLength(2);
    expect(about(nurse, 'INVENTORY_EXPIRING', item.name)).toHaveLength(1);

    // A delivery of a new lot that also runs out soon replaces the item's current lot.
    await moveStock(t.server, orgA.nurse, item.id, {
      type: 'RECEIVE',
      quantity: 5,
      lotNumber: 'LOT-B2',
      expiresOn: isoDateIn(20),
    });
    expect((await run({ organizationId: orgA.id })).expiring).toBe(1);
    await settled(nurse);
    const after = await rowsFor('expiring', item.id);
    expect(after).toHaveLength(4);
    expect(after[2]!.message).toContain('lot LOT-B2');
    expect(about(nurse, 'INVENTORY_EXPIRING', item.name)).toHaveLength(2);
  });

  it('reports an expired lot, and not the lot of an item with nothing left', async () => {
    const expired = await createItem(t.server, orgA.nurse, {
      initialQuantity: 3,
      lotNumber: 'LOT-X9',
      expiresOn: isoDateIn(-2),
    });
    const empty = await createItem(t.server, orgA.nurse, {
      reorderLevel: 0,
      lotNumber: 'LOT-E0',
      expiresOn: isoDateIn(5),
    });
    await run({ organizationId: orgA.id });
    const rows = await rowsFor('expiring', expired.id);
    expect(recipients(rows)).toEqual(staffOf(orgA));
    expect(rows[0]!.title).toBe(`Expired: ${expired.name}`);
    expect(await rowsFor('expiring', empty.id)).toHaveLength(0);
    // Empty is at its reorder level of 0: that is what the staff hear about instead.
    expect(await rowsFor('low-stock', empty.id)).toHaveLength(2);
  });
});

describe('organizations', () => {
  it("runs for one organization without touching another's", async () => {
    const itemB = await createItem(t.server, orgB.nurse, { reorderLevel: 5, initialQuantity: 1 });
    const nurseB = await listen(orgB.nurse);
    await run({ organizationId: orgA.id });
    await settled(nurseB);
    expect(await rowsFor('low-stock', itemB.id)).toHaveLength(0);
    expect(nurseB.notifications).toHaveLength(0);

    await run({ organizationId: orgB.id });
    await settled(nurseB);
    expect(recipients(await rowsFor('low-stock', itemB.id))).toEqual(staffOf(orgB));
    expect(about(nurseB, 'INVENTORY_LOW_STOCK', itemB.name)).toHaveLength(1);
  });

  it('fans the all-organization sweep out to one job per organization holding stock', async () => {
    const orgC = await createOrganization(t.server);
    const orgD = await createOrganization(t.server); // holds nothing
    const itemC = await createItem(t.server, orgC.nurse, { reorderLevel: 2, initialQuantity: 2 });
    const nurseC = await listen(orgC.nurse);

    const holdingStock = await t.server.app.sequelize.query<{ id: string }>(
      'SELECT DISTINCT organization_id AS id FROM inventory_items',
      { type: QueryTypes.SELECT },
    );

    const parentId = await queues().addJob(JOB_TYPES.INVENTORY_MAINTENANCE, {});
    const parent = await finished(parentId);
    expect(parent).toEqual({ organizations: holdingStock.length, lowStock: 0, expiring: 0 });
    for (const { id } of holdingStock) await finished(`sweep-${parentId}-${id}`);
    expect(await finished(`sweep-${parentId}-${orgC.id}`)).toEqual({
      organizations: 1,
      lowStock: 1,
      expiring: 0,
    });
    expect(await maintenanceQueue().getJob(`sweep-${parentId}-${orgD.id}`)).toBeUndefined();

    await settled(nurseC);
    expect(recipients(await rowsFor('low-stock', itemC.id))).toEqual(staffOf(orgC));
    expect(nurseC.notifications.map((n) => n.title)).toEqual([`Low stock: ${itemC.name}`]);
  });
});
