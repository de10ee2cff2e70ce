import { DataTypes, type Model, type ModelStatic, type Optional, type Sequelize } from 'sequelize';

export interface OrganizationAttributes {
  id: string;
  name: string;
  createdAt: Date;
  updatedAt: Date;
}
type Generated = 'id' | 'createdAt' | 'updatedAt';
export type OrganizationInstance = Model<
  OrganizationAttributes,
  Optional<OrganizationAttributes, Generated>
> &
  OrganizationAttributes;

export interface SchoolAttributes {
  id: string;
  organizationId: string;
  name: string;
  code: string | null;
  createdAt: Date;
  updatedAt: Date;
}
export type SchoolInstance = Model<SchoolAttributes, Optional<SchoolAttributes, Generated | 'code'>> &
  SchoolAttributes;

export interface OrganizationModels {
  Organization: ModelStatic<OrganizationInstance>;
  School: ModelStatic<SchoolInstance>;
}

/** Defined per Sequelize instance, so several servers (tests, CLI) never share model classes. */
export function defineOrganizationModels(sequelize: Sequelize): OrganizationModels {
  const Organization = sequelize.define<OrganizationInstance>(
    'Organization',
    {
      id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
      name: { type: DataTypes.TEXT, allowNull: false },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { tableName: 'organizations' },
  );
  const School = sequelize.define<SchoolInstance>(
    'School',
    {
      id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
      organizationId: { type: DataTypes.UUID, allowNull: false },
      name: { type: DataTypes.TEXT, allowNull: false },
      code: { type: DataTypes.TEXT, allowNull: true },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { tableName: 'schools' },
  );
  return { Organization, School };
}
