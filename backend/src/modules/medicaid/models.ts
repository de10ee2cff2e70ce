import { DataTypes, type Model, type ModelStatic, type Optional, type Sequelize } from 'sequelize';

export const COVERAGES = ['active', 'inactive', 'unknown'] as const;
export type Coverage = (typeof COVERAGES)[number];

export interface EligibilityCheckAttributes {
  id: string;
  organizationId: string;
  studentId: string;
  checkedAt: Date;
  coverage: Coverage;
  planName: string | null;
  /** EB01 codes of the 271, e.g. ['1'] active, ['6'] inactive. */
  benefitCodes: string[];
  /** YYYY-MM-DD: the coverage period the payer named, when it named one. */
  coverageStart: string | null;
  coverageEnd: string | null;
  /** The payer's AAA reasons, when it could not answer (coverage is then unknown). */
  rejection: string | null;
  traceNumber: string;
  checkedBy: string | null;
}
type EligibilityCheckCreation = Optional<
  EligibilityCheckAttributes,
  'id' | 'checkedAt' | 'planName' | 'benefitCodes' | 'coverageStart' | 'coverageEnd' | 'rejection'
>;
export type EligibilityCheckInstance = Model<EligibilityCheckAttributes, EligibilityCheckCreation> &
  EligibilityCheckAttributes;
export type EligibilityCheckModel = ModelStatic<EligibilityCheckInstance>;

export function defineEligibilityCheckModel(sequelize: Sequelize): EligibilityCheckModel {
  return sequelize.define<EligibilityCheckInstance>(
    'MedicaidEligibilityCheck',
    {
      id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
      organizationId: { type: DataTypes.UUID, allowNull: false },
      studentId: { type: DataTypes.UUID, allowNull: false },
      checkedAt: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
      coverage: { type: DataTypes.TEXT, allowNull: false },
      planName: { type: DataTypes.TEXT, allowNull: true },
      benefitCodes: { type: DataTypes.ARRAY(DataTypes.TEXT), allowNull: false, defaultValue: [] },
      coverageStart: { type: DataTypes.DATEONLY, allowNull: true },
      coverageEnd: { type: DataTypes.DATEONLY, allowNull: true },
      rejection: { type: DataTypes.TEXT, allowNull: true },
      traceNumber: { type: DataTypes.TEXT, allowNull: false },
      checkedBy: { type: DataTypes.UUID, allowNull: true },
    },
    // A check is a fact at a moment: never updated, so no created/updated columns.
    { tableName: 'medicaid_eligibility_checks', timestamps: false },
  );
}
