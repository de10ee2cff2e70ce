import Joi from 'joi';

export const auditListQuery = Joi.object({
  from: Joi.date().iso(),
  to: Joi.date().iso().min(Joi.ref('from')),
  userId: Joi.string().guid(),
  studentId: Joi.string().guid(),
  action: Joi.string()
    .max(100)
    .pattern(/^[a-z_.-]+$/),
  page: Joi.number().integer().min(1).max(100_000).default(1),
  pageSize: Joi.number().integer().min(1).max(200).default(50),
});
