import Joi from 'joi';

export const NOTIFICATION_TYPE = /^[A-Z][A-Z0-9_]{0,49}$/;

export const notificationIdParams = Joi.object({ id: Joi.string().guid().required() });

export const listNotificationsQuery = Joi.object({
  unread: Joi.boolean().default(false),
  page: Joi.number().integer().min(1).max(100_000).default(1),
  pageSize: Joi.number().integer().min(1).max(100).default(25),
});

/** Marking read takes no body: an empty request or `{}`. */
export const emptyPayload = Joi.object({}).allow(null);

/** What a module may send; checked here because callers are code, not HTTP clients. */
export const createNotificationInput = Joi.object({
  type: Joi.string().pattern(NOTIFICATION_TYPE).required(),
  title: Joi.string().trim().min(1).max(200).required(),
  message: Joi.string().trim().min(1).max(2000).required(),
});
