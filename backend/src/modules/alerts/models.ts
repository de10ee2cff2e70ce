import { DataTypes, type Model, type ModelStatic, type Optional, type Sequelize } from 'sequelize';

export const ALERT_TYPES = [
  'ALLERGIC_REACTION',
  'SEIZURE',
  'CARDIAC',
  'RESPIRATORY',
  'INJURY',
  'DIABETIC',
  'OTHER',
] as const;
export type AlertType = (typeof ALERT_TYPES)[number];

export const ALERT_SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export const ALERT_STATUSES = ['OPEN', 'RESOLVED'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export interface EmergencyAlertAttributes {
  id: string;
  organizationId: string;
  type: AlertType;
  severity: (typeof ALERT_SEVERITIES)[number];
  location: string;
  description: string;
  studentId: string | null;
  raisedBy: string;
  status: AlertStatus;
  escalatedAt: Date | null;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}
export type EmergencyAlertCreation = Optional<
  EmergencyAlertAttributes,
  'id' | 'status' | 'escalatedAt' | 'resolvedAt' | 'resolvedBy' | 'createdAt' | 'updatedAt' | 'studentId'
>;
export type EmergencyAlertInstance = Model<EmergencyAlertAttributes, EmergencyAlertCreation> &
  EmergencyAlertAttributes;
export type EmergencyAlertModel = ModelStatic<EmergencyAlertInstance>;

export interface AcknowledgementAttributes {
  alertId: string;
  organizationId: string;
  userId: string;
  acknowledgedAt: Date;
}
export type AcknowledgementInstance = Model<
  AcknowledgementAttributes,
  Optional<AcknowledgementAttributes, 'acknowledgedAt'>
> &
  AcknowledgementAttributes;
export type AcknowledgementModel = ModelStatic<AcknowledgementInstance>;

export interface AlertModels {
  EmergencyAlert: EmergencyAlertModel;
  Acknowledgement: AcknowledgementModel;
}

export function defineAlertModels(sequelize: Sequelize): AlertModels {
  const EmergencyAlert = sequelize.define<EmergencyAlertInstance>(
    'EmergencyAlert',
    {
      id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
      organizationId: { type: DataTypes.UUID, allowNull: false },
      type: { type: DataTypes.TEXT, allowNull: false },
      severity: { type: DataTypes.TEXT, allowNull: false },
      location: { type: DataTypes.TEXT, allowNull: false },
      description: { type: DataTypes.TEXT, allowNull: false },
      studentId: { type: DataTypes.UUID, allowNull: true },
      raisedBy: { type: DataTypes.UUID, allowNull: false },
      status: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'OPEN' },
      escalatedAt: { type: DataTypes.DATE, allowNull: true },
      resolvedAt: { type: DataTypes.DATE, allowNull: true },
      resolvedBy: { type: DataTypes.UUID, allowNull: true },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { tableName: 'emergency_alerts' },
  );
  const Acknowledgement = sequelize.define<AcknowledgementInstance>(
    'AlertAcknowledgement',
    {
      alertId: { type: DataTypes.UUID, primaryKey: true },
      organizationId: { type: DataTypes.UUID, allowNull: false },
      userId: { type: DataTypes.UUID, primaryKey: true },
      acknowledgedAt: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
    },
    { tableName: 'alert_acknowledgements', timestamps: false },
  );
  return { EmergencyAlert, Acknowledgement };
}
