/** What the API answers for the module's records, and the mapping from stored rows. */
import type {
  AdministrationStatus,
  ControlledSchedule,
  MedicationForm,
  MedicationRoute,
} from './constants.js';
import type { AdministrationInstance, MedicationInstance } from './models.js';

export interface MedicationView {
  id: string;
  name: string;
  form: MedicationForm;
  strength: string;
  ndc: string | null;
  controlledSchedule: ControlledSchedule | null;
}

export interface AdministrationView {
  id: string;
  prescriptionId: string;
  studentId: string;
  status: AdministrationStatus;
  dose: string | null;
  route: MedicationRoute | null;
  administeredAt: Date;
  scheduledFor: Date | null;
  reason: string | null;
  witnessUserId: string | null;
  notes: string | null;
  correctsAdministrationId: string | null;
  administeredBy: string;
  createdAt: Date;
}

export interface PrescriptionView {
  id: string;
  studentId: string;
  medication: MedicationView;
  dose: string;
  route: MedicationRoute;
  scheduleTimes: string[];
  prn: boolean;
  minIntervalMinutes: number | null;
  startDate: string;
  endDate: string | null;
  prescriber: string;
  parentConsentOnFile: boolean;
  dosesOnHand: number;
  instructions: string | null;
  discontinuedAt: Date | null;
  /** Active today in the organization's time zone. */
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export function toMedicationView(m: MedicationInstance | MedicationView): MedicationView {
  return {
    id: m.id,
    name: m.name,
    form: m.form,
    strength: m.strength,
    ndc: m.ndc,
    controlledSchedule: m.controlledSchedule,
  };
}

export function toAdministrationView(a: AdministrationInstance): AdministrationView {
  return {
    id: a.id,
    prescriptionId: a.prescriptionId,
    studentId: a.studentId,
    status: a.status,
    dose: a.dose,
    route: a.route,
    administeredAt: a.administeredAt,
    scheduledFor: a.scheduledFor,
    reason: a.reason,
    witnessUserId: a.witnessUserId,
    notes: a.notes,
    correctsAdministrationId: a.correctsAdministrationId,
    administeredBy: a.administeredBy,
    createdAt: a.createdAt,
  };
}

/** The minimum necessary for a role without detail access: no free-text clinical notes. */
export function withoutAdministrationDetail<T extends Pick<AdministrationView, 'notes' | 'reason'>>(a: T): T {
  return { ...a, notes: null, reason: null };
}

export function withoutPrescriptionDetail<T extends Pick<PrescriptionView, 'instructions'>>(p: T): T {
  return { ...p, instructions: null };
}

/** Joi hands dates over as Date objects; the columns are calendar dates. */
export function asDateOnly(value: string | Date): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : value;
}
