import { DataTypes, type Model, type ModelStatic, type Optional, type Sequelize } from 'sequelize';
import type { Role } from '../../infrastructure/http/authorization.js';

export interface UserAttributes {
  id: string;
  organizationId: string;
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  isActive: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}
export type UserCreation = Optional<
  UserAttributes,
  'id' | 'isActive' | 'lastLoginAt' | 'createdAt' | 'updatedAt'
>;
export type UserInstance = Model<UserAttributes, UserCreation> & UserAttributes;
export type UserModel = ModelStatic<UserInstance>;

export function defineUserModel(sequelize: Sequelize): UserModel {
  return sequelize.define<UserInstance>(
    'User',
    {
      id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
      organizationId: { type: DataTypes.UUID, allowNull: false },
      email: { type: DataTypes.TEXT, allowNull: false },
      name: { type: DataTypes.TEXT, allowNull: false },
      role: { type: DataTypes.ENUM('ADMIN', 'NURSE', 'VIEWER'), allowNull: false },
      passwordHash: { type: DataTypes.TEXT, allowNull: false },
      isActive: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      lastLoginAt: { type: DataTypes.DATE, allowNull: true },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { tableName: 'users' },
  );
}
