/**
 * The recurring sweeps and their crons. Every replica upserts them on start: BullMQ keeps one
 * scheduler per id in Redis, so N replicas still produce one job per tick. A sweep whose cron
 * is "off" has its scheduler removed, so turning one off takes effect on the next deploy.
 */
import type { AppConfig } from '../../config/env.js';
import { JOB_TYPES, type JobInput, type JobType } from './jobTypes.js';
import type { QueueManager } from './QueueManager.js';

export interface Sweep<T extends JobType = JobType> {
  type: T;
  cron: string | null;
  data: JobInput<T>;
}

const sweep = <T extends JobType>(type: T, cron: string | null, data: JobInput<T>): Sweep<T> => ({
  type,
  cron,
  data,
});

export function recurringSweeps(jobs: AppConfig['jobs']): Sweep[] {
  return [
    // The sweep looks as far ahead as its own period, so no dose falls between two runs.
    sweep(JOB_TYPES.MEDICATION_REMINDER, jobs.medicationReminderCron, { windowMinutes: 360 }),
    sweep(JOB_TYPES.IMMUNIZATION_ALERT, jobs.immunizationAlertCron, {}),
    sweep(JOB_TYPES.INVENTORY_MAINTENANCE, jobs.inventoryMaintenanceCron, {}),
    // Each appointment has its own delayed reminder; this catches one Redis refused at booking.
    sweep(JOB_TYPES.APPOINTMENT_REMINDER, jobs.appointmentReminderSweepCron, {}),
    // One delta sync per organization; a no-op while no SIS is configured.
    sweep(JOB_TYPES.SIS_SYNC, jobs.sisSyncCron, { mode: 'delta' }),
    sweep(JOB_TYPES.DATA_EXPORT, jobs.dataExportCron, { target: 'state-registry' }),
  ];
}

export async function applySchedules(
  queues: QueueManager,
  sweeps: readonly Sweep[],
  timeZone: string,
): Promise<void> {
  for (const { type, cron, data } of sweeps) {
    if (cron === null) await queues.queue(type).removeJobScheduler(type);
    else await queues.scheduleJob(type, data, { pattern: cron, tz: timeZone });
  }
}
