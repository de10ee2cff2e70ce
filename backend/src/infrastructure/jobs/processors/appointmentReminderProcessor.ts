/**
 * The appointment-reminder job:
 * - one appointment (the delayed job enqueued 24 h before the slot): the service notifies the
 *   appointment's nurse and records that the reminder went out, in one transaction, unless
 *   the appointment is no longer scheduled, was moved away from `startsAt`, or was reminded
 *   already; so a retry, a second run or a job left over from a reschedule does nothing;
 * - no appointment (the catch-up sweep): sends every reminder that is due and never went out,
 *   e.g. because Redis refused the delayed job when the appointment was booked.
 */
import type { JobProcessor } from '../QueueManager.js';

export type ReminderOutcome =
  | 'SENT'
  | 'ALREADY_SENT'
  /** Completed, cancelled or no-show. */
  | 'NOT_SCHEDULED'
  /** The job names a slot the appointment has been moved away from. */
  | 'MOVED'
  /** Booked less than a day ahead, or already started: no reminder is owed. */
  | 'NO_REMINDER'
  | 'NOT_FOUND';

export interface AppointmentReminderServices {
  /** `startsAt`: the slot the job was enqueued for; absent, whatever the appointment's slot is now. */
  sendReminder(organizationId: string, appointmentId: string, startsAt?: Date): Promise<ReminderOutcome>;
  /** The catch-up: reminders due by now that never went out; how many were sent. */
  sendDueReminders(organizationId?: string): Promise<number>;
}

export type AppointmentReminderResult = { outcome: ReminderOutcome } | { sent: number };

export function createAppointmentReminderProcessor(
  services: AppointmentReminderServices,
): JobProcessor<'appointment-reminder'> {
  return async (data): Promise<AppointmentReminderResult> => {
    if (data.appointmentId === undefined) {
      return { sent: await services.sendDueReminders(data.organizationId) };
    }
    // The schema requires the organization whenever an appointment is named.
    const startsAt = data.startsAt === undefined ? undefined : new Date(data.startsAt);
    return {
      outcome: await services.sendReminder(data.organizationId!, data.appointmentId, startsAt),
    };
  };
}
