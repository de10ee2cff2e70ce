import { DataTypes, type Model, type ModelStatic, type Optional, type Sequelize } from 'sequelize';
import type {
  AdministrationStatus,
  ControlledSchedule,
  MedicationForm,
  MedicationRoute,
} from './constants.js';

export interface MedicationAttributes {
  id: string;
  organizationId: string;
  name: string;
  form: MedicationForm;
  strength: string;
  ndc: string | null;
  controlledSchedule: ControlledSchedule | null;
  createdAt: Date;
  updatedAt: Date;
}
export type MedicationInstance = Model<
  MedicationAttributes,
  Optional<MedicationAttributes, 'id' | 'createdAt' | 'updatedAt' | 'ndc' | 'controlledSchedule'>
> &
  MedicationAttributes;

export interface PrescriptionAttributes {
  id: string;
  organizationId: string;
  studentId: string;
  medicationId: string;
  dose: string;
  route: MedicationRoute;
  scheduleTimes: string[];
  prn: boolean;
  minIntervalMinutes: number | null;
  /** YYYY-MM-DD */
  startDate: string;
  endDate: string | null;
  prescriber: string;
  parentConsentOnFile: boolean;
  dosesOnHand: number;
  instructions: string | null;
  discontinuedAt: Date | null;
  changeReason: string | null;
  discontinuedBy: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}
export type PrescriptionInstance = Model<
  PrescriptionAttributes,
  Optional<
    PrescriptionAttributes,
    | 'id'
    | 'createdAt'
    | 'updatedAt'
    | 'minIntervalMinutes'
    | 'endDate'
    | 'instructions'
    | 'discontinuedAt'
    | 'changeReason'
    | 'discontinuedBy'
  >
> &
  PrescriptionAttributes;

export interface AdministrationAttributes {
  id: string;
  organizationId: string;
  studentId: string;
  prescriptionId: string;
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
export type AdministrationInstance = Model<
  AdministrationAttributes,
  Optional<
    AdministrationAttributes,
    | 'id'
    | 'createdAt'
    | 'dose'
    | 'route'
    | 'scheduledFor'
    | 'reason'
    | 'witnessUserId'
    | 'notes'
    | 'correctsAdministrationId'
  >
> &
  AdministrationAttributes;

export interface MedicationModels {
  Medication: ModelStatic<MedicationInstance>;
  Prescription: ModelStatic<PrescriptionInstance>;
  Administration: ModelStatic<AdministrationInstance>;
}

const id = { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 };
const uuid = (allowNull: boolean) => ({ type: DataTypes.UUID, allowNull });
const text = (allowNull: boolean) => ({ type: DataTypes.TEXT, allowNull });

/** Defined per Sequelize instance, so several servers (tests, CLI) never share model classes. */
export function defineMedicationModels(sequelize: Sequelize): MedicationModels {
  const Medication = sequelize.define<MedicationInstance>(
    'Medication',
    {
      id,
      organizationId: uuid(false),
      name: text(false),
      form: text(false),
      strength: text(false),
      ndc: text(true),
      controlledSchedule: text(true),
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { tableName: 'medications' },
  );
  const Prescription = sequelize.define<PrescriptionInstance>(
    'Prescription',
    {
      id,
      organizationId: uuid(false),
      studentId: uuid(false),
      medicationId: uuid(false),
      dose: text(false),
      route: text(false),
      scheduleTimes: { type: DataTypes.ARRAY(DataTypes.TEXT), allowNull: false, defaultValue: [] },
      prn: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      minIntervalMinutes: { type: DataTypes.INTEGER, allowNull: true },
      startDate: { type: DataTypes.DATEONLY, allowNull: false },
      endDate: { type: DataTypes.DATEONLY, allowNull: true },
      prescriber: text(false),
      parentConsentOnFile: { type: DataTypes.BOOLEAN, allowNull: false },
      dosesOnHand: { type: DataTypes.INTEGER, allowNull: false },
      instructions: text(true),
      discontinuedAt: { type: DataTypes.DATE, allowNull: true },
      changeReason: text(true),
      discontinuedBy: uuid(true),
      createdBy: uuid(false),
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { tableName: 'prescriptions' },
  );
  const Administration = sequelize.define<AdministrationInstance>(
    'MedicationAdministration',
    {
      id,
      organizationId: uuid(false),
      studentId: uuid(false),
      prescriptionId: uuid(false),
      status: text(false),
      dose: text(true),
      route: text(true),
      administeredAt: { type: DataTypes.DATE, allowNull: false },
      scheduledFor: { type: DataTypes.DATE, allowNull: true },
      reason: text(true),
      witnessUserId: uuid(true),
      notes: text(true),
      correctsAdministrationId: uuid(true),
      administeredBy: uuid(false),
      createdAt: DataTypes.DATE,
    },
    // Append-only: no updatedAt, and the table's trigger refuses UPDATE and DELETE.
    { tableName: 'medication_administrations', updatedAt: false },
  );
  return { Medication, Prescription, Administration };
}
