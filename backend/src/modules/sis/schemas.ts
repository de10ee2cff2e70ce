import Joi from 'joi';

/** POST .../sis/sync: `{ mode?: 'delta' | 'full' }`; no body at all means a delta. */
export const syncPayload = Joi.object({
  mode: Joi.string().valid('delta', 'full').default('delta'),
})
  .allow(null)
  .default({ mode: 'delta' });

export const runsQuery = Joi.object({
  limit: Joi.number().integer().min(1).max(100).default(20),
});
