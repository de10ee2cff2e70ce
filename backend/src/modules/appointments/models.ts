import { DataTypes, type Model, type ModelStatic, type Optional, type Sequelize } from 'sequelize';

export const APPOINTMENT_TYPES = [
  'MEDICATION',
  'SCREENING',
  'FOLLOW_UP',
  'ILLNESS',
  'INJURY',
  'COUNSELING',
  'OTHER',
] as const;
export type AppointmentType = (typeof APPOINTMENT_TYPES)[number];
export const APPOINTMENT_STATUSES = ['SCHEDULED', 'COMPLETED', 'CANCELLED', 'NO_SHOW'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export interface AppointmentAttributes {
  id: string;
  organizationId: string;
  studentId: string;
  nurseId: string;
  createdBy: string;
  startsAt: Date;
  durationMinutes: number;
  type: AppointmentType;
  status: AppointmentStatus;
  reason: string | null;
  notes: string | null;
  /** When the 24 h reminder is due; null when the slot was already less than a day away. */
  reminderDueAt: Date | null;
  /** When the reminder of the current slot went out; cleared by a reschedule. */
  reminderSentAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}
export type AppointmentCreation = Optional<
  AppointmentAttributes,
  'id' | 'createdAt' | 'updatedAt' | 'status' | 'reason' | 'notes' | 'reminderDueAt' | 'reminderSentAt'
>;
export type AppointmentInstance = Model<AppointmentAttributes, AppointmentCreation> & AppointmentAttributes;
export type AppointmentModel = ModelStatic<AppointmentInstance>;

export function defineAppointmentModel(sequelize: Sequelize): AppointmentModel {
  return sequelize.define<AppointmentInstance>(
    'Appointment',
    {
      id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
      organizationId: { type: DataTypes.UUID, allowNull: false },
      studentId: { type: DataTypes.UUID, allowNull: false },
      nurseId: { type: DataTypes.UUID, allowNull: false },
      createdBy: { type: DataTypes.UUID, allowNull: false },
      startsAt: { type: DataTypes.DATE, allowNull: false },
      durationMinutes: { type: DataTypes.INTEGER, allowNull: false },
      type: { type: DataTypes.TEXT, allowNull: false },
      status: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'SCHEDULED' },
      reason: { type: DataTypes.TEXT, allowNull: true },
      notes: { type: DataTypes.TEXT, allowNull: true },
      reminderDueAt: { type: DataTypes.DATE, allowNull: true },
      reminderSentAt: { type: DataTypes.DATE, allowNull: true },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { tableName: 'appointments' },
  );
}
