export const ADMINISTRATION_STATUSES = ['GIVEN', 'REFUSED', 'MISSED', 'HELD'] as const;
export type AdministrationStatus = (typeof ADMINISTRATION_STATUSES)[number];

/** The routes the server accepts (the prescription's route is one of them). */
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

/** Body of POST /students/{id}/medications/{prescriptionId}/administrations. */
export interface AdministrationInput {
  status: AdministrationStatus;
  /** Required when GIVEN. */
  dose?: string;
  /** Required when GIVEN. */
  route?: string;
  /** ISO 8601 instant. */
  administeredAt: string;
  /**
   * The scheduled dose (ISO instant, as the server listed it) this entry answers. Without it
   * the server files the entry under the scheduled time nearest to administeredAt.
   */
  scheduledFor?: string;
  /** Required unless GIVEN. */
  reason?: string;
  /** A second licensed person, for controlled substances. */
  witnessUserId?: string;
  notes?: string;
}

export interface Administration extends AdministrationInput {
  id: string;
  prescriptionId?: string;
  studentId?: string;
}

/** What the dose form needs to know about the prescription (the profile sends more). */
export interface DosePrescription {
  id: string;
  medication: {
    name: string;
    form?: string | null;
    strength?: string | null;
    controlledSchedule?: string | null;
  };
  dose: string;
  route: string;
  dosesOnHand?: number | null;
}

export interface DoseStudent {
  id: string;
  firstName: string;
  lastName: string;
  dateOfBirth?: string;
}

/** The student of a scheduled dose, as the dose lists name them. */
export interface ScheduledDoseStudent {
  id: string;
  firstName: string;
  lastName: string;
  schoolId: string | null;
}

/** One row of GET /api/v1/medications/due: a scheduled dose of today with nothing recorded for it. */
export interface DueDose {
  studentId: string;
  /** "First Last", as the server joins them. */
  studentName: string;
  /** The name in parts (sent since the day's record landed; a stub may leave it out). */
  student?: ScheduledDoseStudent;
  prescriptionId: string;
  medication: { id: string; name: string; form: string; strength: string };
  dose: string;
  route: string;
  /** ISO instant of the scheduled time. */
  scheduledFor: string;
  /** OVERDUE once the dose window has passed, DUE within it. */
  status: 'DUE' | 'OVERDUE';
}

/**
 * Where a scheduled dose stands on the MAR: recorded (an administration status) or not yet,
 * OVERDUE after the dose window, DUE within it, UPCOMING ("not due yet") before it.
 */
export const DOSE_STATUSES = [...ADMINISTRATION_STATUSES, 'DUE', 'OVERDUE', 'UPCOMING'] as const;
export type DoseStatus = (typeof DOSE_STATUSES)[number];

/** The standing entry filed under a scheduled dose. */
export interface RecordedAdministration {
  id: string;
  status: AdministrationStatus;
  /** ISO instant. */
  administeredAt: string;
  dose: string | null;
  route: string | null;
  /** Null for a viewer. */
  reason: string | null;
  witnessUserId: string | null;
  administeredBy: { id: string; name: string };
}

/** One dose of GET /api/v1/medications/administration-record. */
export interface ScheduledDose {
  student: ScheduledDoseStudent;
  prescription: {
    id: string;
    medication: DueDose['medication'] & { controlledSchedule: string | null };
    dose: string;
    route: string;
  };
  /** ISO instant of the scheduled time: what a recorded dose names as its scheduledFor. */
  scheduledFor: string;
  status: DoseStatus;
  administration: RecordedAdministration | null;
}

/** A day's administration record (one page of it). */
export interface AdministrationRecord {
  /** YYYY-MM-DD, the organization's day. */
  date: string;
  timeZone: string;
  windowMinutes: number;
  /** Every dose of the day per status, whatever the filter and page. */
  counts: Record<DoseStatus, number>;
  data: ScheduledDose[];
  page: number;
  pageSize: number;
  total: number;
}

/** One scheduled dose as the dose tables show it, from either list. */
export interface MarRow extends Omit<DueDose, 'status' | 'student'> {
  /** The prescription and the slot: one scheduled dose. */
  key: string;
  firstName: string;
  lastName: string;
  status: DoseStatus;
  administration: RecordedAdministration | null;
}

/** A prescription as GET /api/v1/students/{id}/medications answers it (the fields used here). */
export interface StudentPrescription extends DosePrescription {
  scheduleTimes?: string[];
  prn?: boolean;
  active?: boolean;
}
