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
