import Joi from 'joi';
import { APPOINTMENT_STATUSES, APPOINTMENT_TYPES } from './models.js';

const instant = Joi.date().iso().min('2000-01-01').max('2100-01-01');

export const appointmentIdParams = Joi.object({ id: Joi.string().guid().required() });

export const createAppointmentPayload = Joi.object({
  studentId: Joi.string().guid().required(),
  nurseId: Joi.string().guid(),
  startsAt: instant.required(),
  durationMinutes: Joi.number().integer().min(5).max(240).default(15),
  type: Joi.string()
    .valid(...APPOINTMENT_TYPES)
    .required(),
  reason: Joi.string().trim().min(1).max(500).allow(null),
  notes: Joi.string().trim().min(1).max(5000).allow(null),
});

/**
 * A status change (the visit happened, was cancelled, or the student did not come), notes,
 * or a reschedule of a scheduled visit (a new start and/or length; its reminder moves along).
 */
export const updateAppointmentPayload = Joi.object({
  status: Joi.string().valid(...APPOINTMENT_STATUSES),
  notes: Joi.string().trim().min(1).max(5000).allow(null),
  startsAt: instant,
  durationMinutes: Joi.number().integer().min(5).max(240),
}).min(1);

export const listAppointmentsQuery = Joi.object({
  from: Joi.date().iso(),
  to: Joi.date().iso(),
  nurseId: Joi.string().guid(),
  studentId: Joi.string().guid(),
  // The student's school; a school of another organization matches nothing (an empty page).
  schoolId: Joi.string().guid(),
  status: Joi.string().valid(...APPOINTMENT_STATUSES),
  page: Joi.number().integer().min(1).max(100_000).default(1),
  pageSize: Joi.number().integer().min(1).max(100).default(25),
});
