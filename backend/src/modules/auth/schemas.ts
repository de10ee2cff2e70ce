import Joi from 'joi';

export const loginPayload = Joi.object({
  email: Joi.string().trim().max(254).required(),
  // Not the password policy: any stored password must still be able to sign in.
  password: Joi.string().min(1).max(256).required(),
});

/** For routes that take no body: an empty request or `{}`, nothing else. */
export const emptyPayload = Joi.object({}).allow(null);
