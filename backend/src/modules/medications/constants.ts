/** The vocabularies of the medications module, shared by joi schemas, models and SQL checks. */
export const MEDICATION_FORMS = [
  'TABLET',
  'CAPSULE',
  'LIQUID',
  'INHALER',
  'INJECTION',
  'TOPICAL',
  'DROPS',
  'OTHER',
] as const;
export type MedicationForm = (typeof MEDICATION_FORMS)[number];

export const MEDICATION_ROUTES = [
  'ORAL',
  'INHALED',
  'TOPICAL',
  'SUBCUTANEOUS',
  'INTRAMUSCULAR',
  'OPHTHALMIC',
  'OTIC',
  'NASAL',
  'OTHER',
] as const;
export type MedicationRoute = (typeof MEDICATION_ROUTES)[number];

/** DEA schedules a school may hold; schedule I drugs are never prescribed. */
export const CONTROLLED_SCHEDULES = ['II', 'III', 'IV', 'V'] as const;
export type ControlledSchedule = (typeof CONTROLLED_SCHEDULES)[number];

export const ADMINISTRATION_STATUSES = ['GIVEN', 'REFUSED', 'MISSED', 'HELD'] as const;
export type AdministrationStatus = (typeof ADMINISTRATION_STATUSES)[number];

/**
 * Where a scheduled dose stands: recorded (an administration status), or not yet: OVERDUE once
 * the dose window after its time has passed, DUE within the window either side, UPCOMING before.
 */
export const OUTSTANDING_DOSE_STATUSES = ['DUE', 'OVERDUE', 'UPCOMING'] as const;
export const SCHEDULED_DOSE_STATUSES = [...ADMINISTRATION_STATUSES, ...OUTSTANDING_DOSE_STATUSES] as const;
export type ScheduledDoseStatus = (typeof SCHEDULED_DOSE_STATUSES)[number];

/**
 * Until an organization stores its own (medication_settings), schools run on US Eastern time
 * and a scheduled dose may be given up to an hour either side of its time.
 */
export const DEFAULT_TIME_ZONE = 'America/New_York';
export const DEFAULT_DOSE_WINDOW_MINUTES = 60;

/** A client clock a little ahead of ours is tolerated; a dose recorded later than this is not. */
export const MAX_FUTURE_SKEW_MS = 5 * 60 * 1000;

/** NDC shapes: 4-4-2, 5-3-2, 5-4-1, 5-4-2, or the bare 10/11 digits. */
export const NDC_PATTERN = /^(\d{4}-\d{4}-\d{2}|\d{5}-\d{3}-\d{2}|\d{5}-\d{4}-\d{1,2}|\d{10,11})$/;

/** A wall-clock time of day, 24 h: "08:00", "12:30". */
export const TIME_OF_DAY_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
