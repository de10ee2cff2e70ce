import { DataTypes, type Model, type ModelStatic, type Optional, type Sequelize } from 'sequelize';

export const INCIDENT_TYPES = [
  'INJURY',
  'ILLNESS',
  'BEHAVIORAL',
  'ALLERGIC_REACTION',
  'MEDICATION_ERROR',
  'OTHER',
] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];
export const INCIDENT_SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];
export const NOTIFICATION_METHODS = ['PHONE', 'EMAIL', 'IN_PERSON', 'TEXT'] as const;
export type NotificationMethod = (typeof NOTIFICATION_METHODS)[number];

export interface IncidentAttributes {
  id: string;
  organizationId: string;
  studentId: string;
  reportedBy: string;
  type: IncidentType;
  severity: IncidentSeverity;
  location: string;
  occurredAt: Date;
  description: string;
  actionsTaken: string | null;
  witnesses: string[];
  parentNotified: boolean;
  parentNotifiedBy: string | null;
  parentNotifiedAt: Date | null;
  parentNotificationMethod: NotificationMethod | null;
  followUpRequired: boolean;
  followUpNotes: string | null;
  createdAt: Date;
  updatedAt: Date;
}
export type IncidentCreation = Optional<
  IncidentAttributes,
  | 'id'
  | 'createdAt'
  | 'updatedAt'
  | 'actionsTaken'
  | 'witnesses'
  | 'parentNotified'
  | 'parentNotifiedBy'
  | 'parentNotifiedAt'
  | 'parentNotificationMethod'
  | 'followUpRequired'
  | 'followUpNotes'
>;
export type IncidentInstance = Model<IncidentAttributes, IncidentCreation> & IncidentAttributes;
export type IncidentModel = ModelStatic<IncidentInstance>;

export function defineIncidentModel(sequelize: Sequelize): IncidentModel {
  return sequelize.define<IncidentInstance>(
    'Incident',
    {
      id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
      organizationId: { type: DataTypes.UUID, allowNull: false },
      studentId: { type: DataTypes.UUID, allowNull: false },
      reportedBy: { type: DataTypes.UUID, allowNull: false },
      type: { type: DataTypes.TEXT, allowNull: false },
      severity: { type: DataTypes.TEXT, allowNull: false },
      location: { type: DataTypes.TEXT, allowNull: false },
      occurredAt: { type: DataTypes.DATE, allowNull: false },
      description: { type: DataTypes.TEXT, allowNull: false },
      actionsTaken: { type: DataTypes.TEXT, allowNull: true },
      witnesses: { type: DataTypes.ARRAY(DataTypes.TEXT), allowNull: false, defaultValue: [] },
      parentNotified: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      parentNotifiedBy: { type: DataTypes.TEXT, allowNull: true },
      parentNotifiedAt: { type: DataTypes.DATE, allowNull: true },
      parentNotificationMethod: { type: DataTypes.TEXT, allowNull: true },
      followUpRequired: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      followUpNotes: { type: DataTypes.TEXT, allowNull: true },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { tableName: 'incidents' },
  );
}
