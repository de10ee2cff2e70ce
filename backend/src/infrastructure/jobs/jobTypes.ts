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
  SIS_SYNC: 'sis-sync',
} as const;

export type JobType = (typeof JOB_TYPES)[keyof typeof JOB_TYPES];

export const ALL_JOB_TYPES: readonly JobType[] = Object.values(JOB_TYPES);

/** Jobs somebody asked for (`requestedBy`): they hear of progress and the end over their socket. */
export const REQUESTED_JOB_TYPES: readonly JobType[] = [
  JOB_TYPES.REPORT_GENERATION,
  JOB_TYPES.DATA_EXPORT,
  JOB_TYPES.SIS_SYNC,
];

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
  /**
   * One queued report: `reportId` names its report_results row, which holds the request and
   * receives the PDF. `parameters` repeats the row's identifiers and dates for the dashboard
   * (never a custom report's content: job data sits in Redis and is shown to admins).
   */
  'report-generation': {
    organizationId: string;
    requestedBy: string;
    reportType: string;
    parameters: Record<string, unknown>;
    /** Optional here only for producers that predate it; the report processor refuses a job without one. */
    reportId?: string;
  };
  /**
   * Sends data to an outside system through the integrations. `state-registry`: the
   * organization's immunizations not yet accepted by the state registry (new ones, and ones
   * that failed and were corrected since), narrowed to one student or to chosen records.
   * Without `requestedBy` nobody hears about it; without `organizationId` (a schedule) it
   * fans out one job per organization.
   */
  'data-export': {
    organizationId?: string;
    requestedBy?: string;
    target: 'state-registry';
    studentId?: string;
    immunizationIds?: string[];
  };
  /**
   * A roster sync from the SIS: one organization, or (the nightly sweep) one job per
   * organization when absent. `delta` asks only for what changed since the last successful
   * run (a full sync when there is none); `full` also deactivates students the SIS no longer lists.
   */
  'sis-sync': { organizationId?: string; requestedBy?: string; mode: 'full' | 'delta' };
}

/** Fields joi fills in when absent: optional for callers, always present for processors. */
interface DefaultedFields {
  'medication-reminder': 'windowMinutes';
  'immunization-alert': 'daysAhead';
  'appointment-reminder': never;
  'inventory-maintenance': never;
  'report-generation': 'parameters';
  'data-export': 'target';
  'sis-sync': 'mode';
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
    reportId: id,
  }),
  'data-export': Joi.object({
    organizationId: id,
    requestedBy: id,
    target: Joi.string().valid('state-registry').default('state-registry'),
    studentId: id,
    immunizationIds: Joi.array().items(id.required()).min(1).max(500).unique(),
  })
    // Whoever asks, and whatever they narrow it to, belongs to one organization.
    .with('requestedBy', 'organizationId')
    .with('studentId', 'organizationId')
    .with('immunizationIds', 'organizationId'),
  'sis-sync': Joi.object({
    // Somebody who asked is always asking for their own organization.
    organizationId: id.when('requestedBy', { is: Joi.exist(), then: Joi.required() }),
    requestedBy: id,
    mode: Joi.string().valid('full', 'delta').default('delta'),
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
