import { DataTypes, type Model, type ModelStatic, type Optional, type Sequelize } from 'sequelize';

export interface NotificationAttributes {
  id: string;
  organizationId: string;
  userId: string;
  /** An upper-case code such as MEDICATION_REMINDER (the table checks the shape). */
  type: string;
  title: string;
  message: string;
  createdAt: Date;
  readAt: Date | null;
}
export type NotificationCreation = Optional<NotificationAttributes, 'id' | 'createdAt' | 'readAt'>;
export type NotificationInstance = Model<NotificationAttributes, NotificationCreation> &
  NotificationAttributes;
export type NotificationModel = ModelStatic<NotificationInstance>;

export function defineNotificationModel(sequelize: Sequelize): NotificationModel {
  return sequelize.define<NotificationInstance>(
    'Notification',
    {
      id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
      organizationId: { type: DataTypes.UUID, allowNull: false },
      userId: { type: DataTypes.UUID, allowNull: false },
      type: { type: DataTypes.TEXT, allowNull: false },
      title: { type: DataTypes.TEXT, allowNull: false },
      message: { type: DataTypes.TEXT, allowNull: false },
      createdAt: DataTypes.DATE,
      readAt: { type: DataTypes.DATE, allowNull: true },
    },
    // Notifications are never edited, only marked read: no updated_at column.
    { tableName: 'notifications', updatedAt: false },
  );
}
