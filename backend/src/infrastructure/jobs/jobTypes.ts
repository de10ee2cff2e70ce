/**
 * The job types, their payloads and the joi schema each payload must pass, on entry to
 * addJob and again in the worker (a job written to Redis by anything else is checked too).
 */
import Joi from 'joi';

export const JOB_TYPES = {
  MEDICATION_REMINDER: 'medication-reminder',
  IMMUNIZATION_ALERT: 'immunization-alert',
  APPOINTMENT_REMINDER: 'appointment-reminder',
  INVENTORY_MAINTENANCE: 'inventory-maintenance',
  REPORT_GENERATION: 'report-generation',
  DATA_EXPORT: 'data-export',
} as const;

export type JobType = (typeof JOB_TYPES)[keyof typeof JOB_TYPES];

export const ALL_JOB_TYPES: readonly JobType[] = Object.values(JOB_TYPES);

/** Jobs somebody asked for (`requestedBy`): they hear of progress and the end over their socket. */
export const REQUESTED_JOB_TYPES: readonly JobType[] = [JOB_TYPES.REPORT_GENERATION, JOB_TYPES.DATA_EXPORT];

export interface JobPayloads {
  /**
   * A sweep for doses due within `windowMinutes` (the sweep's own period); one organization,
   * or all when absent. With `dose`, the reminder for that one scheduled slot, at its time.
   */
  'medication-reminder': {
    organizationId?: string;
    windowMinutes: number;
    dose?: { prescriptionId: string; scheduledFor: string };
  };
  /**
   * Students newly DUE or OVERDUE, and exemptions expiring within `daysAhead` days; one
   * organization, or (the nightly sweep) one job per organization when absent.
   */
  'immunization-alert': { organizationId?: string; daysAhead: number };
  /**
   * The 24 h reminder of one appointment, booked for `startsAt` (a job left over from before a
   * reschedule finds the slot moved and does nothing). Without `appointmentId`: the catch-up
   * sweep, sending every reminder now due that never went out (one organization, or all).
   */
  'appointment-reminder': { organizationId?: string; appointmentId?: string; startsAt?: string };
  /** Expiry and low-stock checks. */
  'inventory-maintenance': { organizationId?: string };
  'report-generation': {
    organizationId: string;
    requestedBy: string;
    reportType: string;
    parameters: Record<string, unknown>;
  };
  'data-export': {
    organizationId: string;
    requestedBy: string;
    entity: string;
    format: 'csv' | 'json';
  };
}

/** Fields joi fills in when absent: optional for callers, always present for processors. */
interface DefaultedFields {
  'medication-reminder': 'windowMinutes';
  'immunization-alert': 'daysAhead';
  'appointment-reminder': never;
  'inventory-maintenance': never;
  'report-generation': 'parameters';
  'data-export': 'format';
}

/** What addJob accepts: the payload before joi fills in defaults. */
export type JobInput<T extends JobType> = Omit<JobPayloads[T], DefaultedFields[T]> &
  Partial<Pick<JobPayloads[T], DefaultedFields[T] & keyof JobPayloads[T]>>;

const id = Joi.string().guid();

export const JOB_SCHEMAS: { readonly [T in JobType]: Joi.ObjectSchema<JobPayloads[T]> } = {
  'medication-reminder': Joi.object({
    // A single dose is always reminded within its own organization.
    organizationId: id.when('dose', { is: Joi.exist(), then: Joi.required() }),
    windowMinutes: Joi.number().integer().min(1).max(1_440).default(60),
    dose: Joi.object({
      prescriptionId: id.required(),
      scheduledFor: Joi.string().isoDate().required(),
    }),
  }),
  'immunization-alert': Joi.object({
    organizationId: id,
    daysAhead: Joi.number().integer().min(0).max(365).default(30),
  }),
  'appointment-reminder': Joi.object({
    // One appointment's reminder is always looked up within its own organization.
    organizationId: id.when('appointmentId', { is: Joi.exist(), then: Joi.required() }),
    appointmentId: id,
    startsAt: Joi.string().isoDate(),
  }).with('startsAt', 'appointmentId'),
  'inventory-maintenance': Joi.object({ organizationId: id }),
  'report-generation': Joi.object({
    organizationId: id.required(),
    requestedBy: id.required(),
    reportType: Joi.string().max(100).required(),
    parameters: Joi.object().unknown(true).default({}),
  }),
  'data-export': Joi.object({
    organizationId: id.required(),
    requestedBy: id.required(),
    entity: Joi.string().max(100).required(),
    format: Joi.string().valid('csv', 'json').default('csv'),
  }),
};

export function isJobType(name: string): name is JobType {
  return (ALL_JOB_TYPES as readonly string[]).includes(name);
}

/** The payload with defaults filled in, or the joi error's message. */
export function validatePayload<T extends JobType>(
  type: T,
  data: unknown,
): { value: JobPayloads[T]; error?: undefined } | { value?: undefined; error: string } {
  const { value, error } = JOB_SCHEMAS[type].validate(data, { abortEarly: false, stripUnknown: false });
  if (error) return { error: error.details.map((d) => d.message).join('; ') };
  return { value: value as JobPayloads[T] };
}
