import Joi from 'joi';
import { INCIDENT_SEVERITIES, INCIDENT_TYPES, NOTIFICATION_METHODS } from './models.js';

const longText = Joi.string().trim().min(1).max(5000);
// An incident has happened: it is reported after the fact, never in advance.
const pastInstant = Joi.date().iso().min('2000-01-01').max('now');

export const incidentIdParams = Joi.object({ id: Joi.string().guid().required() });

/** Either "not notified" (nothing else) or who notified the parents, when and how. */
const parentNotified = Joi.object({
  notified: Joi.boolean().required(),
  by: Joi.string().trim().min(1).max(200),
  at: pastInstant,
  method: Joi.string().valid(...NOTIFICATION_METHODS),
}).when('.notified', {
  is: false,
  then: Joi.object({ by: Joi.forbidden(), at: Joi.forbidden(), method: Joi.forbidden() }),
});

export const createIncidentPayload = Joi.object({
  studentId: Joi.string().guid().required(),
  type: Joi.string()
    .valid(...INCIDENT_TYPES)
    .required(),
  severity: Joi.string()
    .valid(...INCIDENT_SEVERITIES)
    .required(),
  location: Joi.string().trim().min(1).max(200).required(),
  occurredAt: pastInstant.required(),
  description: longText.required(),
  actionsTaken: longText.allow(null),
  witnesses: Joi.array().items(Joi.string().trim().min(1).max(200)).max(20).default([]),
  parentNotified: parentNotified.default({ notified: false }),
  followUpRequired: Joi.boolean().default(false),
  followUpNotes: longText.allow(null),
});

/** Follow-up after the report: what was done, who was told, what is still open. */
export const updateIncidentPayload = Joi.object({
  actionsTaken: longText.allow(null),
  witnesses: Joi.array().items(Joi.string().trim().min(1).max(200)).max(20),
  parentNotified,
  followUpRequired: Joi.boolean(),
  followUpNotes: longText.allow(null),
}).min(1);

export const listIncidentsQuery = Joi.object({
  studentId: Joi.string().guid(),
  // The student's school; a school of another organization matches nothing (an empty page).
  schoolId: Joi.string().guid(),
  from: Joi.date().iso(),
  to: Joi.date().iso(),
  type: Joi.string().valid(...INCIDENT_TYPES),
  severity: Joi.string().valid(...INCIDENT_SEVERITIES),
  page: Joi.number().integer().min(1).max(100_000).default(1),
  pageSize: Joi.number().integer().min(1).max(100).default(25),
});
