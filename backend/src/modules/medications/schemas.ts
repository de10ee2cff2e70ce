import Joi from 'joi';
import {
  ADMINISTRATION_STATUSES,
  CONTROLLED_SCHEDULES,
  MEDICATION_FORMS,
  MEDICATION_ROUTES,
  NDC_PATTERN,
  SCHEDULED_DOSE_STATUSES,
  TIME_OF_DAY_PATTERN,
} from './constants.js';

const uuid = Joi.string().guid();
const calendarDate = Joi.date().iso().min('2000-01-01').max('2100-12-31');

export const studentIdParams = Joi.object({ id: uuid.required() });
export const prescriptionParams = Joi.object({ id: uuid.required(), prescriptionId: uuid.required() });

export const medicationFields = {
  name: Joi.string().trim().min(1).max(200).required(),
  form: Joi.string()
    .valid(...MEDICATION_FORMS)
    .required(),
  strength: Joi.string().trim().min(1).max(100).required(),
  ndc: Joi.string().trim().pattern(NDC_PATTERN, 'NDC').allow(null),
  controlledSchedule: Joi.string()
    .valid(...CONTROLLED_SCHEDULES)
    .allow(null),
};

export const createMedicationPayload = Joi.object(medicationFields);

export const listMedicationsQuery = Joi.object({
  search: Joi.string().trim().max(100).allow(''),
  form: Joi.string().valid(...MEDICATION_FORMS),
  page: Joi.number().integer().min(1).max(100_000).default(1),
  pageSize: Joi.number().integer().min(1).max(100).default(25),
});

export const createPrescriptionPayload = Joi.object({
  medicationId: uuid,
  medication: Joi.object(medicationFields),
  dose: Joi.string().trim().min(1).max(100).required(),
  route: Joi.string()
    .valid(...MEDICATION_ROUTES)
    .required(),
  scheduleTimes: Joi.array()
    .items(Joi.string().pattern(TIME_OF_DAY_PATTERN, 'HH:MM'))
    .min(1)
    .max(12)
    .unique(),
  prn: Joi.boolean().valid(true),
  minIntervalMinutes: Joi.number().integer().min(1).max(1440),
  startDate: calendarDate.required(),
  endDate: calendarDate.min(Joi.ref('startDate')),
  prescriber: Joi.string().trim().min(1).max(200).required(),
  parentConsentOnFile: Joi.boolean().required(),
  dosesOnHand: Joi.number().integer().min(0).max(10_000).required(),
  instructions: Joi.string().trim().max(2000).allow(null, ''),
})
  .xor('medicationId', 'medication')
  .xor('scheduleTimes', 'prn')
  // A PRN order without a minimum interval cannot be checked for "too soon".
  .with('prn', 'minIntervalMinutes')
  .without('scheduleTimes', 'minIntervalMinutes');

export const updatePrescriptionPayload = Joi.object({
  endDate: calendarDate,
  discontinued: Joi.boolean().valid(true),
  reason: Joi.string().trim().min(1).max(500).required(),
}).xor('endDate', 'discontinued');

export const createAdministrationPayload = Joi.object({
  status: Joi.string()
    .valid(...ADMINISTRATION_STATUSES)
    .required(),
  // A given dose must say what was given and how; a refused or missed one may not know.
  dose: Joi.string().trim().min(1).max(100).when('status', { is: 'GIVEN', then: Joi.required() }),
  route: Joi.string()
    .valid(...MEDICATION_ROUTES)
    .when('status', { is: 'GIVEN', then: Joi.required() }),
  administeredAt: Joi.date().iso().min('2000-01-01').required(),
  // The scheduled dose this entry answers (an instant the day's record or the due list gave).
  // Without it the entry is filed under the scheduled time nearest to administeredAt.
  scheduledFor: Joi.date().iso().min('2000-01-01').max('2100-12-31'),
  reason: Joi.string().trim().min(1).max(500).when('status', { not: 'GIVEN', then: Joi.required() }),
  witnessUserId: uuid,
  notes: Joi.string().trim().max(2000).allow(''),
  correctsAdministrationId: uuid,
});

export const dueQuery = Joi.object({
  window: Joi.number().integer().min(5).max(240),
  schoolId: uuid,
});

export const administrationRecordQuery = Joi.object({
  date: calendarDate,
  schoolId: uuid,
  // One status or several (?status=DUE&status=OVERDUE); the counts always cover the whole day.
  status: Joi.array()
    .items(Joi.string().valid(...SCHEDULED_DOSE_STATUSES))
    .single()
    .unique()
    .max(SCHEDULED_DOSE_STATUSES.length),
  page: Joi.number().integer().min(1).max(100_000).default(1),
  pageSize: Joi.number().integer().min(1).max(500).default(100),
});
