/**
 * The medication-reminder job, in three shapes:
 * - no organization: fans out one sweep per organization (each retried on its own, and
 *   spread over the replicas' workers), with job ids derived from this job's id, so a
 *   retry of this job enqueues nothing twice;
 * - one organization: reminds the doses due by now that are still outstanding, and enqueues
 *   a delayed job at the scheduled time of each later dose in the window (its id names the
 *   prescription and slot, so overlapping sweeps enqueue it once);
 * - one dose: reminds that slot if it is still outstanding when its time comes.
 * A reminder notifies the organization's nurses under a dedupe key per prescription and slot,
 * and is broadcast only when somebody was newly notified: a second run, a retry or the
 * delayed job of a dose the sweep already reminded tells nobody anything.
 */
import type { Job } from 'bullmq';
import type { MedicationReminderPayload } from '../../websocket/events.js';
import type { JobInput, JobPayloads } from '../jobTypes.js';
import type { AddJobOptions, JobProcessor } from '../QueueManager.js';
import { fanOutToOrganizations } from './fanOut.js';

export interface ReminderDose {
  studentId: string;
  studentName: string;
  prescriptionId: string;
  medication: string;
  dose: string;
  scheduledFor: Date;
  /** "HH:MM" in the school's time zone, for the notification's text. */
  localTime: string;
}

export interface ReminderNotice {
  type: string;
  title: string;
  message: string;
}

export interface MedicationReminderServices {
  organizationIds(): Promise<string[]>;
  /** Outstanding slots of today up to now, and of the coming `windowMinutes`. */
  outstandingDoses(organizationId: string, windowMinutes: number): Promise<ReminderDose[]>;
  outstandingDose(
    organizationId: string,
    prescriptionId: string,
    scheduledFor: Date,
  ): Promise<ReminderDose | null>;
  /** Notifies the organization's nurses who have not had `dedupeKey`; how many were new. */
  notifyNurses(organizationId: string, dedupeKey: string, notice: ReminderNotice): Promise<number>;
  broadcastReminder(organizationId: string, reminder: MedicationReminderPayload): void;
  enqueue(
    jobs: ReadonlyArray<{ data: JobInput<'medication-reminder'>; options: AddJobOptions }>,
  ): Promise<unknown>;
}

export interface MedicationReminderSummary {
  organizations: number;
  reminded: number;
  scheduled: number;
}

type Payload = JobPayloads['medication-reminder'];

const ENQUEUE_CHUNK = 500;

export const reminderDedupeKey = (prescriptionId: string, scheduledFor: Date) =>
  `medication-reminder:${prescriptionId}:${scheduledFor.toISOString()}`;

/** BullMQ refuses ':' in custom ids (its own repeat ids use it), so ids use '_' and '-'. */
export const doseJobId = (prescriptionId: string, scheduledFor: Date) =>
  `dose-${prescriptionId}-${scheduledFor.getTime()}`;

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

function noticeFor(dose: ReminderDose): ReminderNotice {
  return {
    type: 'MEDICATION_REMINDER',
    title: clip(`Medication due: ${dose.studentName}`, 200),
    message: clip(`${dose.medication}, ${dose.dose}, for ${dose.studentName} at ${dose.localTime}.`, 2_000),
  };
}

export function createMedicationReminderProcessor(
  services: MedicationReminderServices,
): JobProcessor<'medication-reminder'> {
  /** True when this run newly notified somebody (and so broadcast the reminder). */
  async function remind(organizationId: string, dose: ReminderDose): Promise<boolean> {
    const key = reminderDedupeKey(dose.prescriptionId, dose.scheduledFor);
    const created = await services.notifyNurses(organizationId, key, noticeFor(dose));
    if (created === 0) return false;
    services.broadcastReminder(organizationId, {
      studentId: dose.studentId,
      studentName: dose.studentName,
      medication: dose.medication,
      dose: dose.dose,
      dueAt: dose.scheduledFor.toISOString(),
    });
    return true;
  }

  async function fanOut(data: Payload, job: Job<Payload>): Promise<MedicationReminderSummary> {
    const organizations = await fanOutToOrganizations(
      await services.organizationIds(),
      {
        prefix: 'sweep',
        parentJobId: String(job.id),
        dataFor: (organizationId) => ({ organizationId, windowMinutes: data.windowMinutes }),
      },
      services.enqueue,
    );
    return { organizations, reminded: 0, scheduled: 0 };
  }

  async function sweep(organizationId: string, windowMinutes: number): Promise<MedicationReminderSummary> {
    const doses = await services.outstandingDoses(organizationId, windowMinutes);
    const now = Date.now();
    const later = doses.filter((d) => d.scheduledFor.getTime() > now);
    let reminded = 0;
    for (const dose of doses) {
      if (dose.scheduledFor.getTime() <= now && (await remind(organizationId, dose))) reminded += 1;
    }
    for (let i = 0; i < later.length; i += ENQUEUE_CHUNK) {
      await services.enqueue(
        later.slice(i, i + ENQUEUE_CHUNK).map((dose) => ({
          data: {
            organizationId,
            windowMinutes,
            dose: { prescriptionId: dose.prescriptionId, scheduledFor: dose.scheduledFor.toISOString() },
          },
          options: {
            jobId: doseJobId(dose.prescriptionId, dose.scheduledFor),
            delay: dose.scheduledFor.getTime() - now,
          },
        })),
      );
    }
    return { organizations: 1, reminded, scheduled: later.length };
  }

  async function remindOne(
    organizationId: string,
    slot: NonNullable<Payload['dose']>,
  ): Promise<MedicationReminderSummary> {
    const dose = await services.outstandingDose(
      organizationId,
      slot.prescriptionId,
      new Date(slot.scheduledFor),
    );
    const reminded = dose !== null && (await remind(organizationId, dose)) ? 1 : 0;
    return { organizations: 1, reminded, scheduled: 0 };
  }

  return async (data, job) => {
    if (data.organizationId === undefined) return fanOut(data, job);
    if (data.dose) return remindOne(data.organizationId, data.dose);
    return sweep(data.organizationId, data.windowMinutes);
  };
}
