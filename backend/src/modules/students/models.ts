import { DataTypes, type Model, type ModelStatic, type Optional, type Sequelize } from 'sequelize';

export const GRADES = ['PK', 'K', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'] as const;
export type Grade = (typeof GRADES)[number];

export interface StudentAttributes {
  id: string;
  organizationId: string;
  schoolId: string | null;
  firstName: string;
  lastName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  grade: Grade;
  gender: string | null;
  studentNumber: string | null;
  isActive: boolean;
  createdAt: Date;
  updatedAt: Date;
}
export type StudentCreation = Optional<
  StudentAttributes,
  'id' | 'isActive' | 'createdAt' | 'updatedAt' | 'schoolId' | 'gender' | 'studentNumber'
>;
export type StudentInstance = Model<StudentAttributes, StudentCreation> & StudentAttributes;
export type StudentModel = ModelStatic<StudentInstance>;

export function defineStudentModel(sequelize: Sequelize): StudentModel {
  return sequelize.define<StudentInstance>(
    'Student',
    {
      id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
      organizationId: { type: DataTypes.UUID, allowNull: false },
      schoolId: { type: DataTypes.UUID, allowNull: true },
      firstName: { type: DataTypes.TEXT, allowNull: false },
      lastName: { type: DataTypes.TEXT, allowNull: false },
      dateOfBirth: { type: DataTypes.DATEONLY, allowNull: false },
      grade: { type: DataTypes.TEXT, allowNull: false },
      gender: { type: DataTypes.TEXT, allowNull: true },
      studentNumber: { type: DataTypes.TEXT, allowNull: true },
      isActive: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { tableName: 'students' },
  );
}
