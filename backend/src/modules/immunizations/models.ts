import { DataTypes, type Model, type ModelStatic, type Optional, type Sequelize } from 'sequelize';
import type { EXEMPTION_TYPES, IMMUNIZATION_SOURCES } from './schemas.js';
import type { SeriesName } from './vaccineCodes.js';

export type ImmunizationSource = (typeof IMMUNIZATION_SOURCES)[number];
export type ExemptionType = (typeof EXEMPTION_TYPES)[number];

export interface ImmunizationAttributes {
  id: string;
  organizationId: string;
  studentId: string;
  cvxCode: string;
  /** YYYY-MM-DD */
  administeredOn: string;
  doseNumber: number | null;
  lotNumber: string | null;
  mvxCode: string | null;
  source: ImmunizationSource;
  notes: string | null;
  recordedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}
type ImmunizationCreation = Optional<
  ImmunizationAttributes,
  'id' | 'doseNumber' | 'lotNumber' | 'mvxCode' | 'notes' | 'recordedBy' | 'createdAt' | 'updatedAt'
>;
export type ImmunizationInstance = Model<ImmunizationAttributes, ImmunizationCreation> &
  ImmunizationAttributes;
export type ImmunizationModel = ModelStatic<ImmunizationInstance>;

export interface ExemptionAttributes {
  id: string;
  organizationId: string;
  studentId: string;
  series: SeriesName;
  type: ExemptionType;
  /** YYYY-MM-DD, or null for a permanent exemption. */
  expiresOn: string | null;
  notes: string | null;
  recordedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}
type ExemptionCreation = Optional<
  ExemptionAttributes,
  'id' | 'expiresOn' | 'notes' | 'recordedBy' | 'createdAt' | 'updatedAt'
>;
export type ExemptionInstance = Model<ExemptionAttributes, ExemptionCreation> & ExemptionAttributes;
export type ExemptionModel = ModelStatic<ExemptionInstance>;

export interface RuleSetRowAttributes {
  organizationId: string;
  rules: unknown;
  updatedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}
type RuleSetRowCreation = Optional<RuleSetRowAttributes, 'updatedBy' | 'createdAt' | 'updatedAt'>;
export type RuleSetRowInstance = Model<RuleSetRowAttributes, RuleSetRowCreation> & RuleSetRowAttributes;
export type RuleSetRowModel = ModelStatic<RuleSetRowInstance>;

export interface ImmunizationModels {
  Immunization: ImmunizationModel;
  Exemption: ExemptionModel;
  RuleSetRow: RuleSetRowModel;
}

const timestamps = { createdAt: DataTypes.DATE, updatedAt: DataTypes.DATE };
const studentRef = {
  id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
  organizationId: { type: DataTypes.UUID, allowNull: false },
  studentId: { type: DataTypes.UUID, allowNull: false },
};

export function defineImmunizationModels(sequelize: Sequelize): ImmunizationModels {
  const Immunization = sequelize.define<ImmunizationInstance>(
    'StudentImmunization',
    {
      ...studentRef,
      cvxCode: { type: DataTypes.TEXT, allowNull: false },
      administeredOn: { type: DataTypes.DATEONLY, allowNull: false },
      doseNumber: { type: DataTypes.SMALLINT, allowNull: true },
      lotNumber: { type: DataTypes.TEXT, allowNull: true },
      mvxCode: { type: DataTypes.TEXT, allowNull: true },
      source: { type: DataTypes.TEXT, allowNull: false },
      notes: { type: DataTypes.TEXT, allowNull: true },
      recordedBy: { type: DataTypes.UUID, allowNull: true },
      ...timestamps,
    },
    { tableName: 'student_immunizations' },
  );
  const Exemption = sequelize.define<ExemptionInstance>(
    'StudentImmunizationExemption',
    {
      ...studentRef,
      series: { type: DataTypes.TEXT, allowNull: false },
      type: { type: DataTypes.TEXT, allowNull: false },
      expiresOn: { type: DataTypes.DATEONLY, allowNull: true },
      notes: { type: DataTypes.TEXT, allowNull: true },
      recordedBy: { type: DataTypes.UUID, allowNull: true },
      ...timestamps,
    },
    { tableName: 'student_immunization_exemptions' },
  );
  const RuleSetRow = sequelize.define<RuleSetRowInstance>(
    'ImmunizationRuleSet',
    {
      organizationId: { type: DataTypes.UUID, primaryKey: true },
      rules: { type: DataTypes.JSONB, allowNull: false },
      updatedBy: { type: DataTypes.UUID, allowNull: true },
      ...timestamps,
    },
    { tableName: 'immunization_rule_sets' },
  );
  return { Immunization, Exemption, RuleSetRow };
}
