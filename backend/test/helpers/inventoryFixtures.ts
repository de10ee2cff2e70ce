/** Inventory items and stock movements made through the REST API, as a nurse would. */
import type { Server } from '@hapi/hapi';
import { bearer, type TestUser } from './fixtures.js';

export interface InventoryItemResult {
  id: string;
  name: string;
  quantity: number;
  reorderLevel: number;
  lotNumber: string | null;
  expiresOn: string | null;
  lowStock: boolean;
  expiringSoon: boolean;
}

let counter = 0;

/** A unique item name, so lists and messages are told apart between tests. */
export const itemName = (base = 'Gauze pads') => `${base} ${Date.now().toString(36)}${(counter += 1)}`;

/** YYYY-MM-DD, `days` from today (UTC), on the calendar the inventory uses. */
export const isoDateIn = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export async function createItem(
  server: Server,
  user: TestUser,
  overrides: Record<string, unknown> = {},
): Promise<InventoryItemResult> {
  const res = await server.inject({
    method: 'POST',
    url: '/api/v1/inventory',
    headers: bearer(user),
    payload: { name: itemName(), category: 'FIRST_AID', unit: 'pack', ...overrides },
  });
  if (res.statusCode !== 201) throw new Error(`fixture item refused: ${res.statusCode} ${res.payload}`);
  return res.result as InventoryItemResult;
}

/** Records a stock movement; resolves with the item's new quantity. */
export async function moveStock(
  server: Server,
  user: TestUser,
  itemId: string,
  payload: { type: 'RECEIVE' | 'DISPENSE' | 'ADJUST' | 'WASTE'; quantity: number } & Record<string, unknown>,
): Promise<number> {
  const res = await server.inject({
    method: 'POST',
    url: `/api/v1/inventory/${itemId}/transactions`,
    headers: bearer(user),
    payload,
  });
  if (res.statusCode !== 201) throw new Error(`fixture stock move refused: ${res.statusCode} ${res.payload}`);
  return (res.result as { item: { quantity: number } }).item.quantity;
}
