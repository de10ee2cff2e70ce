import type { ServerRoute } from '@hapi/hapi';
import { actorFrom } from '../../infrastructure/http/actor.js';
import { requirePermission } from '../../infrastructure/http/authorization.js';
import type {
  CreateItemInput,
  InventoryQuery,
  InventoryService,
  UpdateItemInput,
} from './InventoryService.js';
import {
  createItemPayload,
  itemIdParams,
  listItemsQuery,
  listTransactionsQuery,
  stockTransactionPayload,
  updateItemPayload,
} from './schemas.js';
import type { StockChangeInput, StockLedger } from './StockLedger.js';

export function inventoryRoutes(items: InventoryService, ledger: StockLedger): ServerRoute[] {
  const read = requirePermission('inventory:read');
  const write = requirePermission('inventory:write');
  return [
    {
      method: 'GET',
      path: '/api/v1/inventory',
      options: { auth: read, validate: { query: listItemsQuery } },
      handler: (request) => items.list(actorFrom(request), request.query as unknown as InventoryQuery),
    },
    {
      method: 'POST',
      path: '/api/v1/inventory',
      options: { auth: write, validate: { payload: createItemPayload } },
      async handler(request, h) {
        const item = await items.create(actorFrom(request), request.payload as CreateItemInput);
        return h.response(item).code(201);
      },
    },
    {
      method: 'GET',
      path: '/api/v1/inventory/{id}',
      options: { auth: read, validate: { params: itemIdParams } },
      handler: (request) => items.get(actorFrom(request), request.params.id as string),
    },
    {
      method: 'PATCH',
      path: '/api/v1/inventory/{id}',
      options: { auth: write, validate: { params: itemIdParams, payload: updateItemPayload } },
      handler: (request) =>
        items.update(actorFrom(request), request.params.id as string, request.payload as UpdateItemInput),
    },
    {
      method: 'POST',
      path: '/api/v1/inventory/{id}/transactions',
      options: { auth: write, validate: { params: itemIdParams, payload: stockTransactionPayload } },
      async handler(request, h) {
        const result = await ledger.record(
          actorFrom(request),
          request.params.id as string,
          request.payload as StockChangeInput,
        );
        return h.response(result).code(201);
      },
    },
    {
      method: 'GET',
      path: '/api/v1/inventory/{id}/transactions',
      options: { auth: read, validate: { params: itemIdParams, query: listTransactionsQuery } },
      handler: (request) =>
        ledger.list(
          actorFrom(request),
          request.params.id as string,
          request.query as unknown as { page: number; pageSize: number },
        ),
    },
    {
      method: 'GET',
      path: '/api/v1/inventory/{id}/reconcile',
      options: { auth: read, validate: { params: itemIdParams } },
      handler: (request) => ledger.reconcile(actorFrom(request), request.params.id as string),
    },
  ];
}
