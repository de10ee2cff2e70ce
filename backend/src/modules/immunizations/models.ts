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
  /** What a registry report (VXU) carries when known: amount in mL, HL7 route and site codes. */
  doseMl: number | null;
  route: string | null;
  site: string | null;
  /** HL7 table 0064 (V01..V07); reported as V01 when not recorded. */
  vfcEligibility: string | null;
  /** Set on records imported from the state registry: they are never sent back to it. */
  importedFromRegistryAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}
type ImmunizationCreation = Optional<
  ImmunizationAttributes,
  | 'id'
  | 'doseNumber'
  | 'lotNumber'
  | 'mvxCode'
  | 'notes'
  | 'recordedBy'
  | 'doseMl'
  | 'route'
  | 'site'
  | 'vfcEligibility'
  | 'importedFromRegistryAt'
  | 'createdAt'
  | 'updatedAt'
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

export const REGISTRY_SUBMISSION_STATUSES = ['PENDING', 'ACCEPTED', 'ERROR', 'REJECTED'] as const;
export type RegistrySubmissionStatus = (typeof REGISTRY_SUBMISSION_STATUSES)[number];

/** One message sent to the state registry for one immunization (see the migration). */
export interface RegistrySubmissionAttributes {
  id: string;
  organizationId: string;
  immunizationId: string;
  controlId: string;
  status: RegistrySubmissionStatus;
  ackCode: string | null;
  errorText: string | null;
  claimedBy: string | null;
  requestedBy: string | null;
  attempts: number;
  createdAt: Date;
  submittedAt: Date;
  acknowledgedAt: Date | null;
}
type RegistrySubmissionCreation = Optional<
  RegistrySubmissionAttributes,
  | 'id'
  | 'status'
  | 'ackCode'
  | 'errorText'
  | 'claimedBy'
  | 'requestedBy'
  | 'attempts'
  | 'createdAt'
  | 'submittedAt'
  | 'acknowledgedAt'
>;
export type RegistrySubmissionInstance = Model<RegistrySubmissionAttributes, RegistrySubmissionCreation> &
  RegistrySubmissionAttributes;
export type RegistrySubmissionModel = ModelStatic<RegistrySubmissionInstance>;

export interface ImmunizationModels {
  Immunization: ImmunizationModel;
  Exemption: ExemptionModel;
  RuleSetRow: RuleSetRowModel;
  RegistrySubmission: RegistrySubmissionModel;
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
      doseMl: {
        type: DataTypes.DECIMAL(5, 2),
        allowNull: true,
        // pg hands numeric back as a string.
        get(this: ImmunizationInstance) {
          const raw = this.getDataValue('doseMl') as number | string | null;
          return raw === null || raw === undefined ? null : Number(raw);
        },
      },
      route: { type: DataTypes.TEXT, allowNull: true },
      site: { type: DataTypes.TEXT, allowNull: true },
      vfcEligibility: { type: DataTypes.TEXT, allowNull: true },
      importedFromRegistryAt: { type: DataTypes.DATE, allowNull: true },
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
  const RegistrySubmission = sequelize.define<RegistrySubmissionInstance>(
    'ImmunizationRegistrySubmission',
    {
      id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
      organizationId: { type: DataTypes.UUID, allowNull: false },
      immunizationId: { type: DataTypes.UUID, allowNull: false },
      controlId: { type: DataTypes.TEXT, allowNull: false },
      status: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'PENDING' },
      ackCode: { type: DataTypes.TEXT, allowNull: true },
      errorText: { type: DataTypes.TEXT, allowNull: true },
      claimedBy: { type: DataTypes.TEXT, allowNull: true },
      requestedBy: { type: DataTypes.UUID, allowNull: true },
      attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 },
      createdAt: DataTypes.DATE,
      submittedAt: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
      acknowledgedAt: { type: DataTypes.DATE, allowNull: true },
    },
    { tableName: 'immunization_registry_submissions', updatedAt: false },
  );
  return { Immunization, Exemption, RuleSetRow, RegistrySubmission };
}
