import { describe, expect, it } from 'vitest';
import { cacheKeys } from '../../src/config/redis.js';
import { actorFor, bearer, createOrganization, type TestUser } from '../helpers/fixtures.js';
import { twoOrganizationSuite } from '../helpers/suite.js';
import { seedInventoryDemo } from '../../src/seed/inventoryDemo.js';

const s = twoOrganizationSuite();

interface Item {
  id: string;
  name: string;
  quantity: number;
  lowStock: boolean;
  expiringSoon: boolean;
  lotNumber: string | null;
  expiresOn: string | null;
}
type Page<T> = { data: T[]; total: number; page: number; pageSize: number };

let counter = 0;
const uniqueName = (base: string) => `${base} ${Date.now().toString(36)}${(counter += 1)}`;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function createItem(user: TestUser, overrides: Record<string, unknown> = {}): Promise<Item> {
  const res = await s.server.inject({
    method: 'POST',
    url: '/api/v1/inventory',
    headers: bearer(user),
    payload: { name: uniqueName('Ibuprofen 200 mg'), category: 'MEDICATION', unit: 'tablet', ...overrides },
  });
  expect(res.statusCode, res.payload).toBe(201);
  return res.result as Item;
}

function move(user: TestUser, itemId: string, payload: Record<string, unknown>) {
  return s.server.inject({
    method: 'POST',
    url: `/api/v1/inventory/${itemId}/transactions`,
    headers: bearer(user),
    payload,
  });
}

async function list(user: TestUser, query = ''): Promise<Page<Item>> {
  const res = await s.server.inject({ url: `/api/v1/inventory?${query}`, headers: bearer(user) });
  expect(res.statusCode, res.payload).toBe(200);
  return res.result as Page<Item>;
}

async function ledgerRows(itemId: string): Promise<number> {
  const row = (await s.server.app.sequelize.query(
    'SELECT count(*)::int AS n FROM inventory_transactions WHERE item_id = :itemId',
    { replacements: { itemId }, plain: true },
  )) as { n: number };
  return row.n;
}

describe('inventory items', () => {
  it('creates an item with opening stock as a RECEIVE transaction and reads it back', async () => {
    const item = await createItem(s.orgA.nurse, {
      initialQuantity: 50,
      reorderLevel: 10,
      location: 'Cabinet A',
    });
    expect(item).toMatchObject({ quantity: 50, reorderLevel: 10, lowStock: false, expiringSoon: false });
    const read = await s.server.inject({
      url: `/api/v1/inventory/${item.id}`,
      headers: bearer(s.orgA.viewer),
    });
    expect(read.statusCode).toBe(200);
    expect(read.result).toMatchObject({ id: item.id, quantity: 50, location: 'Cabinet A' });
    const ledger = await s.server.inject({
      url: `/api/v1/inventory/${item.id}/transactions`,
      headers: bearer(s.orgA.nurse),
    });
    expect(ledger.result).toMatchObject({ total: 1, data: [{ type: 'RECEIVE', quantityChange: 50 }] });
    const audited = (await s.server.app.sequelize.query(
      `SELECT array_agg(action ORDER BY seq)::text[] AS actions FROM audit_log WHERE entity_id = :id`,
      { replacements: { id: item.id }, plain: true },
    )) as { actions: string[] };
    expect(audited.actions).toEqual(['inventory.create', 'inventory.receive']);
  });

  it('edits an item but never its quantity', async () => {
    const item = await createItem(s.orgA.nurse, { initialQuantity: 5 });
    const patch = (payload: object) =>
      s.server.inject({
        method: 'PATCH',
        url: `/api/v1/inventory/${item.id}`,
        headers: bearer(s.orgA.nurse),
        payload,
      });
    const ok = await patch({ reorderLevel: 8, expiresOn: inDays(10), lotNumber: 'LOT-9' });
    expect(ok.statusCode).toBe(200);
    expect(ok.result).toMatchObject({
      reorderLevel: 8,
      lowStock: true,
      expiringSoon: true,
      lotNumber: 'LOT-9',
    });
    const refused = await patch({ quantity: 500 });
    expect(refused.statusCode).toBe(400);
    expect((refused.result as { message: string }).message).toContain('quantity');
    const read = await s.server.inject({
      url: `/api/v1/inventory/${item.id}`,
      headers: bearer(s.orgA.nurse),
    });
    expect((read.result as Item).quantity).toBe(5);
  });

  it('flags low stock and expiring items, and filters and searches the list', async () => {
    const marker = uniqueName('Zq');
    const low = await createItem(s.orgA.nurse, {
      name: `${marker} gauze`,
      category: 'FIRST_AID',
      unit: 'pack',
      reorderLevel: 5,
      initialQuantity: 5,
    });
    const expiring = await createItem(s.orgA.nurse, {
      name: `${marker} epinephrine`,
      unit: 'auto-injector',
      initialQuantity: 4,
      reorderLevel: 1,
      expiresOn: inDays(20),
    });
    const fine = await createItem(s.orgA.nurse, {
      name: `${marker} thermometer`,
      category: 'EQUIPMENT',
      unit: 'each',
      initialQuantity: 3,
      expiresOn: inDays(400),
    });
    const search = `search=${encodeURIComponent(marker)}`;
    const all = await list(s.orgA.nurse, search);
    expect(all.total).toBe(3);
    const byId = new Map(all.data.map((i) => [i.id, i]));
    expect(byId.get(low.id)).toMatchObject({ lowStock: true, expiringSoon: false });
    expect(byId.get(expiring.id)).toMatchObject({ lowStock: false, expiringSoon: true });
    expect(byId.get(fine.id)).toMatchObject({ lowStock: false, expiringSoon: false });

    expect((await list(s.orgA.nurse, `${search}&lowStock=true`)).data.map((i) => i.id)).toEqual([low.id]);
    expect((await list(s.orgA.nurse, `${search}&expiringWithinDays=30`)).data.map((i) => i.id)).toEqual([
      expiring.id,
    ]);
    expect((await list(s.orgA.nurse, `${search}&category=EQUIPMENT`)).data.map((i) => i.id)).toEqual([
      fine.id,
    ]);
    expect((await list(s.orgA.nurse, `search=${encodeURIComponent(`${marker} gauze`)}`)).total).toBe(1);
    const page2 = await list(s.orgA.nurse, `${search}&pageSize=2&page=2`);
    expect(page2).toMatchObject({ total: 3, pageSize: 2, page: 2 });
    expect(page2.data).toHaveLength(1);
  });

  it('refuses bad item fields and junk list queries with 400s naming the field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ category: 'SNACKS' }, 'category'],
      [{ reorderLevel: -1 }, 'reorderLevel'],
      [{ name: 'x'.repeat(201) }, 'name'],
      [{ quantity: 10 }, 'quantity'],
      [{ expiresOn: 'soon' }, 'expiresOn'],
    ];
    for (const [overrides, field] of cases) {
      const res = await s.server.inject({
        method: 'POST',
        url: '/api/v1/inventory',
        headers: bearer(s.orgA.nurse),
        payload: { name: 'Bandages', category: 'SUPPLY', unit: 'box', ...overrides },
      });
      expect(res.statusCode, field).toBe(400);
      expect((res.result as { message: string }).message).toContain(field);
    }
    for (const query of ['lowStock=maybe', 'expiringWithinDays=-1', 'category=FOOD']) {
      const res = await s.server.inject({ url: `/api/v1/inventory?${query}`, headers: bearer(s.orgA.nurse) });
      expect(res.statusCode, query).toBe(400);
    }
  });
});

describe('inventory stock transactions', () => {
  it('keeps the count equal to the ledger through a series of transactions', async () => {
    const item = await createItem(s.orgA.nurse, { initialQuantity: 20 });
    const steps: Array<[Record<string, unknown>, number]> = [
      [{ type: 'RECEIVE', quantity: 30, lotNumber: 'LOT-2', expiresOn: inDays(200) }, 50],
      [{ type: 'DISPENSE', quantity: 2 }, 48],
      [{ type: 'WASTE', quantity: 3, reason: 'Dropped on the floor' }, 45],
      [{ type: 'ADJUST', quantity: -5, reason: 'Count correction after audit' }, 40],
      [{ type: 'ADJUST', quantity: 1, reason: 'Found one in the drawer' }, 41],
      [{ type: 'DISPENSE', quantity: 41 }, 0],
    ];
    for (const [payload, expected] of steps) {
      const res = await move(s.orgA.nurse, item.id, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(201);
      expect((res.result as { item: Item }).item.quantity).toBe(expected);
    }
    const reconcile = await s.server.inject({
      url: `/api/v1/inventory/${item.id}/reconcile`,
      headers: bearer(s.orgA.nurse),
    });
    expect(reconcile.result).toEqual({ quantity: 0, sumOfTransactions: 0, consistent: true });
    expect(await ledgerRows(item.id)).toBe(7);
    const current = await s.server.inject({
      url: `/api/v1/inventory/${item.id}`,
      headers: bearer(s.orgA.nurse),
    });
    // The received lot became the item's current lot.
    expect(current.result).toMatchObject({ lotNumber: 'LOT-2', expiresOn: inDays(200), lowStock: true });
  });

  it('serializes concurrent dispenses so the stock never goes negative', async () => {
    const item = await createItem(s.orgA.nurse, { initialQuantity: 5 });
    const results = await Promise.all(
      Array.from({ length: 8 }, () => move(s.orgA.nurse, item.id, { type: 'DISPENSE', quantity: 1 })),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(5);
    expect(results.filter((r) => r.statusCode === 422)).toHaveLength(3);
    const reconcile = await s.server.inject({
      url: `/api/v1/inventory/${item.id}/reconcile`,
      headers: bearer(s.orgA.nurse),
    });
    expect(reconcile.result).toEqual({ quantity: 0, sumOfTransactions: 0, consistent: true });
  });

  it('refuses (422) a dispense, waste or adjustment beyond the stock, writing nothing', async () => {
    const item = await createItem(s.orgA.nurse, { initialQuantity: 3 });
    const auditBefore = await s.server.app.sequelize.query('SELECT count(*)::int AS n FROM audit_log', {
      plain: true,
    });
    for (const payload of [
      { type: 'DISPENSE', quantity: 4 },
      { type: 'WASTE', quantity: 4, reason: 'Expired' },
      { type: 'ADJUST', quantity: -4, reason: 'Recount' },
    ]) {
      const res = await move(s.orgA.nurse, item.id, payload);
      expect(res.statusCode, payload.type).toBe(422);
      expect((res.result as { message: string }).message).toMatch(/Insufficient stock/);
    }
    expect(await ledgerRows(item.id)).toBe(1);
    const auditAfter = await s.server.app.sequelize.query('SELECT count(*)::int AS n FROM audit_log', {
      plain: true,
    });
    expect(auditAfter).toEqual(auditBefore);
    const read = await s.server.inject({
      url: `/api/v1/inventory/${item.id}`,
      headers: bearer(s.orgA.nurse),
    });
    expect((read.result as Item).quantity).toBe(3);
  });

  it('refuses an ADJUST or WASTE without a reason, a zero or negative quantity, with 400', async () => {
    const item = await createItem(s.orgA.nurse, { initialQuantity: 10 });
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ type: 'ADJUST', quantity: -1 }, 'reason'],
      [{ type: 'WASTE', quantity: 1 }, 'reason'],
      [{ type: 'ADJUST', quantity: 0, reason: 'Nothing' }, 'quantity'],
      [{ type: 'DISPENSE', quantity: -2 }, 'quantity'],
      [{ type: 'RECEIVE', quantity: 1.5 }, 'quantity'],
      [{ type: 'BORROW', quantity: 1 }, 'type'],
    ];
    for (const [payload, field] of cases) {
      const res = await move(s.orgA.nurse, item.id, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect((res.result as { message: string }).message).toContain(field);
    }
    expect(await ledgerRows(item.id)).toBe(1);
  });

  it('refreshes the cached list after a stock change', async () => {
    const item = await createItem(s.orgA.nurse, { initialQuantity: 10 });
    const search = `search=${encodeURIComponent(item.name)}`;
    expect((await list(s.orgA.nurse, search)).data[0]!.quantity).toBe(10);
    const cached = await s.server.app.cache.get<Item[]>(cacheKeys.inventory(s.orgA.id));
    expect(cached?.find((i) => i.id === item.id)?.quantity).toBe(10);

    expect((await move(s.orgA.nurse, item.id, { type: 'DISPENSE', quantity: 4 })).statusCode).toBe(201);
    const written = await s.server.app.cache.get<Item[]>(cacheKeys.inventory(s.orgA.id));
    expect(written?.find((i) => i.id === item.id)?.quantity).toBe(6);
    expect((await list(s.orgA.nurse, search)).data[0]!.quantity).toBe(6);
  });
});

describe('inventory: tenancy and roles', () => {
  it("answers 404 for another organization's item on every route and never lists it", async () => {
    const theirs = await createItem(s.orgB.nurse, { initialQuantity: 7 });
    const nurse = bearer(s.orgA.nurse);
    const attempts = [
      s.server.inject({ url: `/api/v1/inventory/${theirs.id}`, headers: nurse }),
      s.server.inject({ url: `/api/v1/inventory/${theirs.id}/transactions`, headers: nurse }),
      s.server.inject({ url: `/api/v1/inventory/${theirs.id}/reconcile`, headers: nurse }),
      s.server.inject({
        method: 'PATCH',
        url: `/api/v1/inventory/${theirs.id}`,
        headers: nurse,
        payload: { reorderLevel: 1 },
      }),
      move(s.orgA.nurse, theirs.id, { type: 'DISPENSE', quantity: 1 }),
    ];
    for (const res of await Promise.all(attempts)) expect(res.statusCode).toBe(404);
    expect((await list(s.orgA.nurse, `search=${encodeURIComponent(theirs.name)}`)).total).toBe(0);
    expect(await ledgerRows(theirs.id)).toBe(1);
  });

  it('refuses a school of another organization', async () => {
    const res = await s.server.inject({
      method: 'POST',
      url: '/api/v1/inventory',
      headers: bearer(s.orgA.nurse),
      payload: { name: 'Gloves', category: 'SUPPLY', unit: 'box', schoolId: s.orgB.schoolId },
    });
    expect(res.statusCode).toBe(400);
  });

  it('lets a viewer read but answers 403 to any write', async () => {
    const item = await createItem(s.orgA.nurse, { initialQuantity: 2 });
    expect((await list(s.orgA.viewer, `search=${encodeURIComponent(item.name)}`)).total).toBe(1);
    const viewer = bearer(s.orgA.viewer);
    const attempts = [
      s.server.inject({
        method: 'POST',
        url: '/api/v1/inventory',
        headers: viewer,
        payload: { name: 'Gloves', category: 'SUPPLY', unit: 'box' },
      }),
      s.server.inject({
        method: 'PATCH',
        url: `/api/v1/inventory/${item.id}`,
        headers: viewer,
        payload: { reorderLevel: 1 },
      }),
      move(s.orgA.viewer, item.id, { type: 'DISPENSE', quantity: 1 }),
    ];
    for (const res of await Promise.all(attempts)) expect(res.statusCode).toBe(403);
    expect(await ledgerRows(item.id)).toBe(1);
  });
});

describe('inventory demo seed', () => {
  it('stocks the health office with reconciled items, one low and one expiring', async () => {
    const org = await createOrganization(s.server);
    await seedInventoryDemo(s.server, actorFor(org), []);
    const page = await list(org.nurse, 'pageSize=100');
    expect(page.total).toBeGreaterThanOrEqual(5);
    expect(page.data.some((i) => i.lowStock)).toBe(true);
    expect(page.data.some((i) => i.expiringSoon)).toBe(true);
    for (const item of page.data) {
      const res = await s.server.inject({
        url: `/api/v1/inventory/${item.id}/reconcile`,
        headers: bearer(org.nurse),
      });
      expect((res.result as { consistent: boolean }).consistent).toBe(true);
    }
  });
});
