/** The four sub-record tables of a student's health record (schema: 202611280004-health-records). */
import { DataTypes, type Model, type ModelStatic, type Optional, type Sequelize } from 'sequelize';
import type {
  AllergySeverity,
  AllergyType,
  ConditionStatus,
  PhoneType,
  ScreeningResult,
  ScreeningType,
} from './enums.js';

interface Owned {
  id: string;
  organizationId: string;
  studentId: string;
  createdAt: Date;
  updatedAt: Date;
}
type Generated = 'id' | 'createdAt' | 'updatedAt';

export interface AllergyAttributes extends Owned {
  allergen: string;
  allergyType: AllergyType;
  severity: AllergySeverity;
  reactions: string[];
  emergencyProtocol: string | null;
  epiPenRequired: boolean;
  epiPenLocation: string | null;
  /** YYYY-MM-DD */
  epiPenExpiresOn: string | null;
  notes: string | null;
  isActive: boolean;
}
export type AllergyInstance = Model<
  AllergyAttributes,
  Optional<AllergyAttributes, Generated | 'isActive' | 'epiPenRequired'>
> &
  AllergyAttributes;

export interface ConditionAttributes extends Owned {
  condition: string;
  icd10Code: string | null;
  status: ConditionStatus;
  actionPlan: string | null;
  accommodations: string | null;
  triggers: string[];
  flagged: boolean;
  notes: string | null;
}
export type ConditionInstance = Model<
  ConditionAttributes,
  Optional<ConditionAttributes, Generated | 'triggers' | 'flagged'>
> &
  ConditionAttributes;

export interface Phone {
  type: PhoneType;
  number: string;
}
export interface EmergencyContactAttributes extends Owned {
  name: string;
  relationship: string;
  priority: number;
  phones: Phone[];
  email: string | null;
  canPickUp: boolean;
  notes: string | null;
}
export type EmergencyContactInstance = Model<
  EmergencyContactAttributes,
  Optional<EmergencyContactAttributes, Generated>
> &
  EmergencyContactAttributes;

export interface ScreeningAttributes extends Owned {
  type: ScreeningType;
  /** YYYY-MM-DD */
  screenedOn: string;
  result: ScreeningResult;
  measurements: Record<string, unknown>;
  /** numeric in Postgres: pg hands it back as a string. */
  bmi: string | number | null;
  referral: boolean;
  notes: string | null;
}
export type ScreeningInstance = Model<
  ScreeningAttributes,
  Optional<ScreeningAttributes, Generated | 'measurements'>
> &
  ScreeningAttributes;

export interface HealthRecordModels {
  Allergy: ModelStatic<AllergyInstance>;
  Condition: ModelStatic<ConditionInstance>;
  EmergencyContact: ModelStatic<EmergencyContactInstance>;
  Screening: ModelStatic<ScreeningInstance>;
}

// Factories, not shared objects: Sequelize writes each attribute's column name into its definition.
const owned = () => ({
  id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
  organizationId: { type: DataTypes.UUID, allowNull: false },
  studentId: { type: DataTypes.UUID, allowNull: false },
  createdAt: DataTypes.DATE,
  updatedAt: DataTypes.DATE,
});
const optionalText = () => ({ type: DataTypes.TEXT, allowNull: true });
const requiredText = () => ({ type: DataTypes.TEXT, allowNull: false });
const textList = () => ({ type: DataTypes.ARRAY(DataTypes.TEXT), allowNull: false, defaultValue: [] });

export function defineHealthRecordModels(sequelize: Sequelize): HealthRecordModels {
  const Allergy = sequelize.define<AllergyInstance>(
    'Allergy',
    {
      ...owned(),
      allergen: requiredText(),
      allergyType: requiredText(),
      severity: requiredText(),
      reactions: textList(),
      emergencyProtocol: optionalText(),
      epiPenRequired: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      epiPenLocation: optionalText(),
      epiPenExpiresOn: { type: DataTypes.DATEONLY, allowNull: true },
      notes: optionalText(),
      isActive: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    },
    { tableName: 'allergies' },
  );
  const Condition = sequelize.define<ConditionInstance>(
    'Condition',
    {
      ...owned(),
      condition: requiredText(),
      icd10Code: { type: DataTypes.TEXT, allowNull: true, field: 'icd10_code' },
      status: requiredText(),
      actionPlan: optionalText(),
      accommodations: optionalText(),
      triggers: textList(),
      flagged: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      notes: optionalText(),
    },
    { tableName: 'conditions' },
  );
  const EmergencyContact = sequelize.define<EmergencyContactInstance>(
    'EmergencyContact',
    {
      ...owned(),
      name: requiredText(),
      relationship: requiredText(),
      priority: { type: DataTypes.INTEGER, allowNull: false },
      phones: { type: DataTypes.JSONB, allowNull: false },
      email: optionalText(),
      canPickUp: { type: DataTypes.BOOLEAN, allowNull: false },
      notes: optionalText(),
    },
    { tableName: 'emergency_contacts' },
  );
  const Screening = sequelize.define<ScreeningInstance>(
    'Screening',
    {
      ...owned(),
      type: requiredText(),
      screenedOn: { type: DataTypes.DATEONLY, allowNull: false },
      result: requiredText(),
      measurements: { type: DataTypes.JSONB, allowNull: false, defaultValue: {} },
      bmi: { type: DataTypes.DECIMAL(4, 1), allowNull: true },
      referral: { type: DataTypes.BOOLEAN, allowNull: false },
      notes: optionalText(),
    },
    { tableName: 'screenings' },
  );
  return { Allergy, Condition, EmergencyContact, Screening };
}
