/** What the API answers for the module's records, and the mapping from stored rows. */
import type {
  AdministrationAttributes,
  AdministrationInstance,
  MedicationAttributes,
  MedicationInstance,
  PrescriptionAttributes,
} from './models.js';

// Views are derived from the stored attributes so a column's type is stated once; each names
// what it leaves out (tenancy and internal bookkeeping), and the mappers below copy field by field.
export type MedicationView = Omit<MedicationAttributes, 'organizationId' | 'createdAt' | 'updatedAt'>;

export type AdministrationView = Omit<AdministrationAttributes, 'organizationId'>;

export interface PrescriptionView extends Omit<
  PrescriptionAttributes,
  'organizationId' | 'medicationId' | 'changeReason' | 'discontinuedBy' | 'createdBy'
> {
  medication: MedicationView;
  /** Active today in the organization's time zone. */
  active: boolean;
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
