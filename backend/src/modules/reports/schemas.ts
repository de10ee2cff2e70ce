/**
 * joi schemas of the report routes, and of each report's parameters: the same schema checks a
 * GET query, the `parameters` of a queued request, and that request again when its job runs.
 */
import Joi from 'joi';
import { GRADES } from '../students/index.js';
import { REPORT_TYPES, type ReportType } from './reportTypes.js';

/** A log over more days than this is refused: a school year and a day. */
export const MAX_RANGE_DAYS = 366;
/**
 * Most rows any report may hold, even queued. Drawing is synchronous (about 1.4 s per 1,000
 * log rows on a small machine): 10,000 stays well inside BullMQ's 30 s job lock.
 */
export const QUEUED_MAX_ROWS = 10_000;

const DAY_MS = 24 * 60 * 60 * 1000;
const id = Joi.string().guid();

const calendarDate = Joi.string()
  .pattern(/^\d{4}-\d{2}-\d{2}$/)
  .custom((value: string, helpers) => {
    const parsed = new Date(`${value}T00:00:00Z`);
    // Refuses impossible dates such as 2026-02-30, which Date would roll over silently.
    if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value)
      return helpers.error('date.base');
    if (value < '2000-01-01' || value > '2099-12-31') return helpers.error('date.range');
    return value;
  })
  .messages({
    'date.base': '{{#label}} must be a valid date (YYYY-MM-DD)',
    'date.range': '{{#label}} must be between 2000-01-01 and 2099-12-31',
  });

const daysCovered = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1;

const studentHealthSummary = Joi.object({ studentId: id.required() });

const medicationLog = Joi.object({
  from: calendarDate.required(),
  to: calendarDate.required(),
  studentId: id,
}).custom((value: { from: string; to: string }, helpers) => {
  if (value.to < value.from) return helpers.message({ custom: '"to" must not be before "from"' });
  if (daysCovered(value.from, value.to) > MAX_RANGE_DAYS)
    return helpers.message({ custom: `The range may cover at most ${MAX_RANGE_DAYS} days` });
  return value;
});

const immunizationCompliance = Joi.object({
  schoolId: id,
  grade: Joi.string().valid(...GRADES),
  asOf: calendarDate,
});

const incident = Joi.object({ incidentId: id.required() });

const cell = Joi.alternatives(Joi.string().max(1000).allow(''), Joi.number(), Joi.boolean()).allow(null);

const customTable = Joi.object({
  title: Joi.string().trim().max(200).allow('', null),
  columns: Joi.array().items(Joi.string().trim().min(1).max(100)).min(1).max(20).required(),
  rows: Joi.array().items(Joi.array().items(cell).max(20)).max(QUEUED_MAX_ROWS).required(),
}).custom((table: { columns: unknown[]; rows: unknown[][] }, helpers) => {
  const bad = table.rows.findIndex((row) => row.length !== table.columns.length);
  if (bad === -1) return table;
  return helpers.message({ custom: `{{#label}} row ${bad + 1} must have one cell per column` });
});

const custom = Joi.object({
  title: Joi.string().trim().min(1).max(200).required(),
  subtitle: Joi.string().trim().max(500).allow('', null),
  metadata: Joi.object().pattern(Joi.string().trim().min(1).max(100), cell).max(20).allow(null),
  tables: Joi.array().items(customTable).min(1).max(20).required(),
});

export const PARAMETER_SCHEMAS: Readonly<Record<ReportType, Joi.ObjectSchema>> = {
  'student-health-summary': studentHealthSummary,
  'medication-log': medicationLog,
  'immunization-compliance': immunizationCompliance,
  incident,
  custom,
};

export const idParams = Joi.object({ id: id.required() });
export const medicationLogQuery = medicationLog;
export const immunizationComplianceQuery = immunizationCompliance;
export const customReportPayload = custom;

export const queueReportPayload = Joi.object({
  reportType: Joi.string()
    .valid(...REPORT_TYPES)
    .required(),
  parameters: Joi.when('reportType', {
    switch: REPORT_TYPES.map((type) => ({ is: type, then: PARAMETER_SCHEMAS[type] })),
    otherwise: Joi.object(),
  }).default({}),
});
