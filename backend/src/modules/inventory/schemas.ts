import Joi from 'joi';
import { INVENTORY_CATEGORIES, STOCK_TRANSACTION_TYPES } from './models.js';

const MAX_QUANTITY = 1_000_000;
const lotNumber = Joi.string()
  .trim()
  .max(100)
  .pattern(/^[A-Za-z0-9./-]+$/);
const expiresOn = Joi.date().iso().min('2000-01-01').max('2100-01-01');

export const itemIdParams = Joi.object({ id: Joi.string().guid().required() });

const itemFields = {
  name: Joi.string().trim().min(1).max(200),
  category: Joi.string().valid(...INVENTORY_CATEGORIES),
  unit: Joi.string().trim().min(1).max(50),
  reorderLevel: Joi.number().integer().min(0).max(MAX_QUANTITY),
  lotNumber: lotNumber.allow(null),
  expiresOn: expiresOn.allow(null),
  location: Joi.string().trim().min(1).max(200).allow(null),
  schoolId: Joi.string().guid().allow(null),
};

export const createItemPayload = Joi.object({
  ...itemFields,
  name: itemFields.name.required(),
  category: itemFields.category.required(),
  unit: itemFields.unit.required(),
  reorderLevel: itemFields.reorderLevel.default(0),
  // Opening stock is recorded as a RECEIVE transaction, so the count still reconciles.
  initialQuantity: Joi.number().integer().min(0).max(MAX_QUANTITY).default(0),
});

/** Everything but the quantity, which only a stock transaction changes. */
export const updateItemPayload = Joi.object(itemFields).min(1);

export const stockTransactionPayload = Joi.object({
  type: Joi.string()
    .valid(...STOCK_TRANSACTION_TYPES)
    .required(),
  // Positive, except an ADJUST, which may correct the count either way (never by zero).
  quantity: Joi.number()
    .integer()
    .required()
    .when('type', {
      is: 'ADJUST',
      then: Joi.number().min(-MAX_QUANTITY).max(MAX_QUANTITY).invalid(0),
      otherwise: Joi.number().min(1).max(MAX_QUANTITY),
    }),
  // An adjustment or a disposal must say why, for the controlled-substance trail.
  reason: Joi.string()
    .trim()
    .min(1)
    .max(500)
    .when('type', { is: Joi.valid('ADJUST', 'WASTE'), then: Joi.required() }),
  lotNumber,
  expiresOn,
});

export const listItemsQuery = Joi.object({
  search: Joi.string().trim().max(100).allow(''),
  category: Joi.string().valid(...INVENTORY_CATEGORIES),
  schoolId: Joi.string().guid(),
  lowStock: Joi.boolean(),
  expiringWithinDays: Joi.number().integer().min(0).max(3650),
  page: Joi.number().integer().min(1).max(100_000).default(1),
  pageSize: Joi.number().integer().min(1).max(100).default(25),
});

export const listTransactionsQuery = Joi.object({
  page: Joi.number().integer().min(1).max(100_000).default(1),
  pageSize: Joi.number().integer().min(1).max(100).default(25),
});
