import Joi from 'joi';
import { GRADES } from './models.js';

const name = Joi.string().trim().min(1).max(100);
// A birth date in the past, and not before 1900.
const dateOfBirth = Joi.date().iso().min('1900-01-01').max('now');

export const studentIdParams = Joi.object({ id: Joi.string().guid().required() });

export const listStudentsQuery = Joi.object({
  search: Joi.string().trim().max(100).allow(''),
  grade: Joi.string().valid(...GRADES),
  schoolId: Joi.string().guid(),
  includeInactive: Joi.boolean().default(false),
  page: Joi.number().integer().min(1).max(100_000).default(1),
  pageSize: Joi.number().integer().min(1).max(100).default(25),
});

const studentFields = {
  firstName: name,
  lastName: name,
  dateOfBirth,
  grade: Joi.string().valid(...GRADES),
  gender: Joi.string().trim().max(50).allow(null),
  studentNumber: Joi.string()
    .trim()
    .max(50)
    .pattern(/^[A-Za-z0-9-]+$/)
    .allow(null),
  schoolId: Joi.string().guid().allow(null),
};

export const createStudentPayload = Joi.object({
  ...studentFields,
  firstName: name.required(),
  lastName: name.required(),
  dateOfBirth: dateOfBirth.required(),
  grade: studentFields.grade.required(),
});

export const updateStudentPayload = Joi.object({ ...studentFields, isActive: Joi.boolean() }).min(1);
