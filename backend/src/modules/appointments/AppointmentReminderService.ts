/**
 * Sends the 24 h reminder of an appointment to its nurse (the user running the visit). The
 * notification and `reminder_sent_at` are written in one transaction under a lock on the
 * appointment, and the notification carries a dedupe key per appointment and slot: a retry,
 * an overlapping sweep or a second run sends nothing twice. The socket push waits for the
 * commit (NotificationService), so nobody is told of a reminder that rolled back.
 */
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import type { ReminderOutcome } from '../../infrastructure/jobs/processors/appointmentReminderProcessor.js';
import type { AuditService } from '../audit/index.js';
import type { NotificationInput } from '../notifications/index.js';
import type { StudentService, StudentView } from '../students/index.js';
import type { AppointmentInstance, AppointmentModel } from './models.js';

export interface ReminderNotifier {
  createOnce(
    organizationId: string,
    userIds: readonly string[],
    dedupeKey: string,
    input: NotificationInput,
    transaction?: Transaction,
  ): Promise<number>;
}

export interface AppointmentReminderDependencies {
  Appointment: AppointmentModel;
  sequelize: Sequelize;
  audit: () => Pick<AuditService, 'record'>;
  students: () => Pick<StudentService, 'assertExists'>;
  notifications: () => ReminderNotifier;
}

/** The catch-up sends at most this many per run; the next run takes the rest. */
const SWEEP_LIMIT = 1_000;

export const appointmentReminderKey = (appointmentId: string, startsAt: Date) =>
  `appointment-reminder:${appointmentId}:${startsAt.toISOString()}`;

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** The slot and the student's name, for the nurse; the visit's reason and notes stay out. */
function reminderNotice(appointment: AppointmentInstance, student: StudentView): NotificationInput {
  const name = `${student.firstName} ${student.lastName}`;
  const [date, time] = appointment.startsAt.toISOString().slice(0, 16).split('T');
  const visit = appointment.type.toLowerCase().replaceAll('_', '-');
  return {
    type: 'APPOINTMENT_REMINDER',
    title: clip(`Upcoming appointment: ${name}`, 200),
    message: clip(
      `${name}: ${visit} visit on ${date} at ${time} UTC (${appointment.durationMinutes} min).`,
      2_000,
    ),
  };
}

export class AppointmentReminderService {
  constructor(private readonly deps: AppointmentReminderDependencies) {}

  /**
   * The reminder of the appointment's slot, if it is still due: the appointment exists in the
   * organization, is scheduled, starts at `startsAt` (when the job names one), has a reminder
   * (booked more than a day ahead), has not started and has not been reminded yet.
   */
  async sendReminder(
    organizationId: string,
    appointmentId: string,
    startsAt?: Date,
  ): Promise<ReminderOutcome> {
    return this.deps.sequelize.transaction(async (transaction) => {
      const appointment = await this.deps.Appointment.findOne({
        where: { id: appointmentId, organizationId },
        transaction,
        lock: transaction.LOCK.UPDATE,
      });
      if (!appointment) return 'NOT_FOUND';
      if (appointment.status !== 'SCHEDULED') return 'NOT_SCHEDULED';
      if (startsAt && appointment.startsAt.getTime() !== startsAt.getTime()) return 'MOVED';
      if (appointment.reminderSentAt) return 'ALREADY_SENT';
      if (!appointment.reminderDueAt || appointment.startsAt.getTime() <= Date.now()) return 'NO_REMINDER';

      const student = await this.deps
        .students()
        .assertExists(organizationId, appointment.studentId, transaction);
      await this.deps
        .notifications()
        .createOnce(
          organizationId,
          [appointment.nurseId],
          appointmentReminderKey(appointment.id, appointment.startsAt),
          reminderNotice(appointment, student),
          transaction,
        );
      await appointment.update({ reminderSentAt: new Date() }, { transaction });
      await this.deps.audit().record(
        {
          organizationId,
          userId: null,
          action: 'appointment.reminder',
          entityType: 'appointment',
          entityId: appointment.id,
          details: { studentId: appointment.studentId, nurseId: appointment.nurseId },
        },
        transaction,
      );
      return 'SENT';
    });
  }

  /**
   * The catch-up: reminders due by now that never went out, for slots still ahead (one
   * organization, or all). Normally empty, since each delayed job sends its reminder on
   * time; it fills the gap when Redis refused the job. One query across organizations is
   * enough for so few rows, and each reminder is then sent within its own organization.
   */
  async sendDueReminders(organizationId?: string): Promise<number> {
    const due = await this.deps.sequelize.query<{ id: string; organizationId: string }>(
      `SELECT id, organization_id AS "organizationId" FROM appointments
        WHERE status = 'SCHEDULED' AND reminder_due_at IS NOT NULL AND reminder_sent_at IS NULL
          -- reminder_due_at is starts_at - 24 h: this bounds the scan to slots still ahead
          AND reminder_due_at <= now() AND reminder_due_at > now() - interval '24 hours'
          AND starts_at > now()
          ${organizationId ? 'AND organization_id = :organizationId' : ''}
        ORDER BY reminder_due_at
        LIMIT ${SWEEP_LIMIT}`,
      { replacements: { organizationId: organizationId ?? null }, type: QueryTypes.SELECT },
    );
    let sent = 0;
    for (const row of due) {
      if ((await this.sendReminder(row.organizationId, row.id)) === 'SENT') sent += 1;
    }
    return sent;
  }
}
