import Joi from 'joi';
import { ROUTES, SITES, VFC_ELIGIBILITY } from '../../integrations/hl7/codeTables.js';
import { GRADES } from '../students/index.js';
import { SERIES, vaccineFor } from './vaccineCodes.js';

export const IMMUNIZATION_SOURCES = ['ADMINISTERED', 'HISTORICAL'] as const;
export const EXEMPTION_TYPES = ['MEDICAL', 'RELIGIOUS', 'PERSONAL'] as const;

const calendarDate = Joi.string()
  .pattern(/^\d{4}-\d{2}-\d{2}$/)
  .custom((value: string, helpers) => {
    const parsed = new Date(`${value}T00:00:00Z`);
    // Refuses impossible dates such as 2020-02-30, which Date would roll over silently.
    if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value)
      return helpers.error('date.base');
    if (value < '1900-01-01') return helpers.error('date.min', { limit: '1900-01-01' });
    return value;
  })
  .messages({ 'date.base': '{{#label}} must be a valid date (YYYY-MM-DD)' });

/** Today in UTC as YYYY-MM-DD: the server's notion of "not in the future". */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

const notInFuture = calendarDate.custom((value: string, helpers) =>
  value > todayUtc() ? helpers.message({ custom: '{{#label}} must not be in the future' }) : value,
);

const cvxCode = Joi.string()
  .trim()
  .pattern(/^\d{1,3}$/)
  .custom((value: string, helpers) =>
    vaccineFor(value) ? value : helpers.message({ custom: '{{#label}} is not a known CVX vaccine code' }),
  );

const notes = Joi.string().trim().max(2000).allow('', null);

export const studentIdParams = Joi.object({ id: Joi.string().guid().required() });

export const createImmunizationPayload = Joi.object({
  cvxCode: cvxCode.required(),
  administeredOn: notInFuture.required(),
  doseNumber: Joi.number().integer().min(1).max(10).allow(null),
  lotNumber: Joi.string()
    .trim()
    .max(50)
    .pattern(/^[A-Za-z0-9-]+$/)
    .allow(null),
  mvxCode: Joi.string()
    .trim()
    .uppercase()
    .pattern(/^[A-Z]{2,3}$/)
    .allow(null),
  source: Joi.string()
    .valid(...IMMUNIZATION_SOURCES)
    .required(),
  notes,
  // What the state registry report carries when known (HL7 tables 0162, 0163, 0064).
  doseMl: Joi.number().greater(0).max(99).precision(2).allow(null),
  route: Joi.string()
    .valid(...Object.keys(ROUTES))
    .allow(null),
  site: Joi.string()
    .valid(...Object.keys(SITES))
    .allow(null),
  vfcEligibility: Joi.string()
    .valid(...Object.keys(VFC_ELIGIBILITY))
    .allow(null),
});

/** POST /immunizations/registry/submit: the whole organization, one student, or chosen records. */
export const registrySubmitPayload = Joi.object({
  studentId: Joi.string().guid(),
  immunizationIds: Joi.array().items(Joi.string().guid().required()).min(1).max(500).unique(),
})
  // No body at all: the whole organization.
  .allow(null);

/** POST /students/{id}/immunizations/import: records chosen from the registry's history. */
export const registryImportPayload = Joi.object({
  records: Joi.array()
    .items(
      Joi.object({
        cvxCode: cvxCode.required(),
        administeredOn: notInFuture.required(),
        // As the registry wrote it, which may not follow our own entry format.
        lotNumber: Joi.string().trim().max(50).allow(null, ''),
        mvxCode: Joi.string()
          .trim()
          .uppercase()
          .pattern(/^[A-Z]{2,3}$/)
          .allow(null, ''),
      }),
    )
    .min(1)
    .max(100)
    .required(),
});

export const createExemptionPayload = Joi.object({
  series: Joi.string()
    .valid(...SERIES)
    .required(),
  type: Joi.string()
    .valid(...EXEMPTION_TYPES)
    .required(),
  expiresOn: calendarDate.allow(null),
  notes,
});

export const statusQuery = Joi.object({ asOf: calendarDate });

export const complianceQuery = Joi.object({
  schoolId: Joi.string().guid(),
  grade: Joi.string().valid(...GRADES),
  asOf: calendarDate,
});

const ageSpec = Joi.object({
  years: Joi.number().integer().min(0).max(25),
  months: Joi.number().integer().min(0).max(300),
  days: Joi.number().integer().min(0).max(9000),
}).min(1);

const seriesRule = Joi.object({
  series: Joi.string()
    .valid(...SERIES)
    .required(),
  grades: Joi.array()
    .items(Joi.string().valid(...GRADES))
    .min(1)
    .unique()
    .required(),
  requiredDoses: Joi.number().integer().min(1).max(10).required(),
  doseConditions: Joi.array()
    .items(
      Joi.object({
        dose: Joi.number().integer().min(1).max(10).required(),
        minAge: ageSpec,
        minIntervalDays: Joi.number().integer().min(0).max(3650),
      }).or('minAge', 'minIntervalDays'),
    )
    .max(10)
    .unique('dose'),
  alternatives: Joi.array()
    .items(
      Joi.object({
        doses: Joi.number().integer().min(1).max(10).required(),
        lastDoseMinAge: ageSpec.required(),
      }),
    )
    .max(5),
});

/** A rule set as a district uploads it; rules/default.json must pass it too. */
export const ruleSetSchema = Joi.object({
  name: Joi.string().trim().min(1).max(200).required(),
  graceDays: Joi.number().integer().min(0).max(30).required(),
  overdueAfterDays: Joi.number().integer().min(0).max(365).required(),
  // MM-DD, never 29 February, so every year has the day.
  schoolYearStart: Joi.string()
    .pattern(/^(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8]|3[01])$/)
    .custom((value: string, helpers) =>
      new Date(`2001-${value}T00:00:00Z`).toISOString().slice(5, 10) === value
        ? value
        : helpers.message({ custom: '{{#label}} must be a day that exists every year' }),
    )
    .required(),
  series: Joi.array().items(seriesRule).min(1).max(SERIES.length).unique('series').required(),
});
