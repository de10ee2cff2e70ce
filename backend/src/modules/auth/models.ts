import { DataTypes, type Model, type ModelStatic, type Sequelize } from 'sequelize';

export interface SessionAttributes {
  id: string;
  userId: string;
  organizationId: string;
  ipAddress: string | null;
  userAgent: string | null;
  createdAt?: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}
export type SessionInstance = Model<SessionAttributes, SessionAttributes> & SessionAttributes;
export type SessionModel = ModelStatic<SessionInstance>;

export function defineSessionModel(sequelize: Sequelize): SessionModel {
  return sequelize.define<SessionInstance>(
    'Session',
    {
      id: { type: DataTypes.UUID, primaryKey: true },
      userId: { type: DataTypes.UUID, allowNull: false },
      organizationId: { type: DataTypes.UUID, allowNull: false },
      ipAddress: { type: DataTypes.TEXT, allowNull: true },
      userAgent: { type: DataTypes.TEXT, allowNull: true },
      createdAt: DataTypes.DATE,
      lastSeenAt: { type: DataTypes.DATE, allowNull: false },
      expiresAt: { type: DataTypes.DATE, allowNull: false },
    },
    { tableName: 'sessions', updatedAt: false },
  );
}
