import Joi from 'joi';

export const studentIdParams = Joi.object({ id: Joi.string().guid().required() });

/** A member id is sent in X12 exactly as written, so only characters every payer accepts. */
export const MEDICAID_ID_PATTERN = /^[A-Za-z0-9-]{2,80}$/;

export const medicaidIdPayload = Joi.object({
  medicaidId: Joi.string().trim().pattern(MEDICAID_ID_PATTERN).allow(null).required().messages({
    'string.pattern.base': '{{#label}} must be 2 to 80 letters, digits or hyphens',
  }),
});
