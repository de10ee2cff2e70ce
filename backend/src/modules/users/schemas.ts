import Joi from 'joi';
import { ROLES } from '../../infrastructure/http/authorization.js';

/** Long enough to resist guessing; no composition rules (NIST SP 800-63B). */
export const passwordSchema = Joi.string().min(12).max(128);

export const userIdParams = Joi.object({ id: Joi.string().guid().required() });

export const createUserPayload = Joi.object({
  email: Joi.string().trim().lowercase().email({ tlds: false }).max(254).required(),
  name: Joi.string().trim().min(1).max(200).required(),
  role: Joi.string()
    .valid(...ROLES)
    .required(),
  password: passwordSchema.required(),
});

export const updateUserPayload = Joi.object({
  name: Joi.string().trim().min(1).max(200),
  role: Joi.string().valid(...ROLES),
  isActive: Joi.boolean(),
  password: passwordSchema,
}).min(1);
