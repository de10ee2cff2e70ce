import Joi from 'joi';
import { ALERT_SEVERITIES, ALERT_TYPES } from './models.js';

export const alertIdParams = Joi.object({ id: Joi.string().guid().required() });

export const raiseAlertPayload = Joi.object({
  type: Joi.string()
    .valid(...ALERT_TYPES)
    .required(),
  severity: Joi.string()
    .valid(...ALERT_SEVERITIES)
    .required(),
  location: Joi.string().trim().min(1).max(200).required(),
  description: Joi.string().trim().min(1).max(2000).required(),
  studentId: Joi.string().guid().allow(null),
});

export const listAlertsQuery = Joi.object({
  status: Joi.string().valid('open', 'resolved', 'all').default('open'),
  limit: Joi.number().integer().min(1).max(200).default(50),
});

/** Acknowledge and resolve take no fields; an empty object or no body at all is fine. */
export const emptyBody = Joi.object({}).allow(null);
