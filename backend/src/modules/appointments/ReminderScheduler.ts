/**
 * Keeps each appointment's delayed reminder job in step with its slot: one job per
 * appointment (a fixed id), due 24 h before the slot; a reschedule replaces it, a cancel
 * removes it. Called after the appointment's transaction commits, so no job ever names a
 * slot that rolled back.
 *
 * The producer fails fast while Redis is down: the appointment is already saved, so a
 * failure here is logged, not thrown, and the catch-up sweep sends the reminder once it is
 * due. A job left behind (Redis down during a reschedule, or the job running at that very
 * moment) names its old slot, and the reminder service ignores a slot that moved.
 */
import { JOB_TYPES } from '../../infrastructure/jobs/jobTypes.js';
import type { QueueManager } from '../../infrastructure/jobs/QueueManager.js';

export interface ReminderSlot {
  id: string;
  organizationId: string;
  startsAt: Date;
  reminderDueAt: Date | null;
}

/** What the appointment service calls; the scheduler below, or a stand-in. */
export interface ReminderSchedule {
  /** The reminder of the slot as it is now (none when `reminderDueAt` is null). */
  schedule(appointment: ReminderSlot): Promise<void>;
  cancel(appointmentId: string): Promise<void>;
}

/** BullMQ refuses ':' in custom ids (its own repeat ids carry them). */
export const reminderJobId = (appointmentId: string) => `appointment-reminder-${appointmentId}`;

export class ReminderScheduler implements ReminderSchedule {
  constructor(
    private readonly queues: () => Pick<QueueManager, 'addJob' | 'queue'>,
    private readonly warn: (message: string) => void,
  ) {}

  async schedule(appointment: ReminderSlot): Promise<void> {
    await this.safely(appointment.id, async () => {
      const jobId = reminderJobId(appointment.id);
      // A job of the same id (a delayed one, or the completed reminder of the slot before a
      // reschedule) would make the add a no-op: replace it.
      await this.queues().queue(JOB_TYPES.APPOINTMENT_REMINDER).remove(jobId);
      if (appointment.reminderDueAt === null) return;
      await this.queues().addJob(
        JOB_TYPES.APPOINTMENT_REMINDER,
        {
          organizationId: appointment.organizationId,
          appointmentId: appointment.id,
          startsAt: appointment.startsAt.toISOString(),
        },
        { jobId, delay: Math.max(0, appointment.reminderDueAt.getTime() - Date.now()) },
      );
    });
  }

  async cancel(appointmentId: string): Promise<void> {
    await this.safely(appointmentId, async () => {
      await this.queues().queue(JOB_TYPES.APPOINTMENT_REMINDER).remove(reminderJobId(appointmentId));
    });
  }

  private async safely(appointmentId: string, change: () => Promise<void>): Promise<void> {
    try {
      await change();
    } catch (error) {
      // Ids and the error's message only: never the appointment's details.
      this.warn(
        `reminder job of appointment ${appointmentId} not updated (the catch-up sweep covers it): ${
          error instanceof Error ? error.message : String(error)
        }`,
      );
    }
  }
}
