/** Joi schemas for the health-record routes: every field bounded, unknown fields refused. */
import Joi from 'joi';
import {
  ALLERGY_SEVERITIES,
  ALLERGY_TYPES,
  CONDITION_STATUSES,
  EAR_RESULTS,
  PHONE_TYPES,
  SCREENING_RESULTS,
  SCREENING_TYPES,
} from './enums.js';

const text = (max: number) => Joi.string().trim().min(1).max(max);
/** Optional free text: null clears it on an update. */
const optionalText = (max: number) => text(max).allow(null);
const textList = Joi.array().items(text(100)).max(20);

function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A calendar date as YYYY-MM-DD, kept as a string (no time zone shifts). */
const calendarDate = Joi.string()
  .pattern(/^\d{4}-\d{2}-\d{2}$/)
  .custom((value: string, helpers) => (isCalendarDate(value) ? value : helpers.error('any.invalid')))
  .messages({
    'string.pattern.base': '{{#label}} must be a date as YYYY-MM-DD',
    'any.invalid': '{{#label}} must be a date as YYYY-MM-DD',
  });

/** Not after today (a day of slack, since a school's today may still be yesterday in UTC). */
const pastDate = calendarDate
  .custom((value: string, helpers) => {
    const latest = new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    return value >= '2000-01-01' && value <= latest ? value : helpers.error('date.range');
  })
  .messages({ 'date.range': '{{#label}} must be a date between 2000-01-01 and today' });

/** ICD-10-CM: a letter, two digits or letters, then optionally a dot and up to four more. */
const icd10Code = Joi.string()
  .trim()
  .uppercase()
  .max(8)
  .pattern(/^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/)
  .messages({ 'string.pattern.base': '{{#label}} must be an ICD-10-CM code such as J45.909' });

const uuid = Joi.string().guid().required();
export const studentParams = Joi.object({ id: uuid });
export const allergyParams = Joi.object({ id: uuid, allergyId: uuid });
export const conditionParams = Joi.object({ id: uuid, conditionId: uuid });

export const listAllergiesQuery = Joi.object({ includeInactive: Joi.boolean().default(false) });

const allergyFields = {
  allergen: text(200),
  allergyType: Joi.string().valid(...ALLERGY_TYPES),
  severity: Joi.string().valid(...ALLERGY_SEVERITIES),
  reactions: textList,
  emergencyProtocol: optionalText(4000),
  epiPenRequired: Joi.boolean(),
  epiPenLocation: optionalText(200),
  epiPenExpiresOn: calendarDate.allow(null),
  notes: optionalText(4000),
};
export const createAllergyPayload = Joi.object({
  ...allergyFields,
  allergen: allergyFields.allergen.required(),
  allergyType: allergyFields.allergyType.required(),
  severity: allergyFields.severity.required(),
  reactions: textList.required(),
});
export const updateAllergyPayload = Joi.object({ ...allergyFields, isActive: Joi.boolean() }).min(1);

const conditionFields = {
  condition: text(200),
  icd10Code: icd10Code.allow(null),
  status: Joi.string().valid(...CONDITION_STATUSES),
  actionPlan: optionalText(4000),
  accommodations: optionalText(4000),
  triggers: textList,
  flagged: Joi.boolean(),
  notes: optionalText(4000),
};
export const createConditionPayload = Joi.object({
  ...conditionFields,
  condition: conditionFields.condition.required(),
  status: conditionFields.status.required(),
});
export const updateConditionPayload = Joi.object(conditionFields).min(1);

const phone = Joi.object({
  type: Joi.string()
    .valid(...PHONE_TYPES)
    .required(),
  number: Joi.string()
    .trim()
    .pattern(/^\+?[0-9(][0-9 ().-]{6,24}$/)
    .required()
    .messages({ 'string.pattern.base': '{{#label}} must be a phone number' }),
});
export const createEmergencyContactPayload = Joi.object({
  name: text(200).required(),
  relationship: text(100).required(),
  priority: Joi.number().integer().min(1).max(20).required(),
  phones: Joi.array().items(phone).min(1).max(5).required(),
  email: Joi.string().trim().max(254).email({ tlds: false }).allow(null),
  canPickUp: Joi.boolean().required(),
  notes: optionalText(4000),
});

const snellen = Joi.string()
  .pattern(/^20\/\d{2,3}$/)
  .messages({ 'string.pattern.base': '{{#label}} must be a Snellen fraction such as 20/40' });
const ear = Joi.string().valid(...EAR_RESULTS);
const measurementsByType = {
  VISION: Joi.object({ rightEye: snellen, leftEye: snellen }).min(1),
  HEARING: Joi.object({ right: ear, left: ear }).min(1),
  BMI: Joi.object({
    heightCm: Joi.number().min(50).max(250).precision(1).required(),
    weightKg: Joi.number().min(5).max(300).precision(1).required(),
  }).required(),
  SCOLIOSIS: Joi.forbidden(),
};
export const createScreeningPayload = Joi.object({
  type: Joi.string()
    .valid(...SCREENING_TYPES)
    .required(),
  screenedOn: pastDate.required(),
  result: Joi.string()
    .valid(...SCREENING_RESULTS)
    .required(),
  measurements: Joi.when('type', {
    switch: Object.entries(measurementsByType).map(([type, schema]) => ({ is: type, then: schema })),
    otherwise: Joi.forbidden(),
  }),
  referral: Joi.boolean(),
  notes: optionalText(4000),
});
