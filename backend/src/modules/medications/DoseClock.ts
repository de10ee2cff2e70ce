/**
 * Time as a school sees it. Schedules are wall-clock times in the organization's time zone
 * (medication_settings, default America/New_York), so the arithmetic is done by PostgreSQL's
 * time-zone rules, which know every daylight-saving change, rather than by hand.
 */
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { DEFAULT_DOSE_WINDOW_MINUTES, DEFAULT_TIME_ZONE } from './constants.js';

export interface MedicationSettings {
  timeZone: string;
  windowMinutes: number;
}

export interface NearestSlot {
  scheduledFor: Date;
  minutesOff: number;
}

/** How an instant stands against a prescription's schedule (see scheduledSlot). */
export interface SlotCheck {
  /** The instant is one of the schedule's wall-clock times on its local day. */
  matchesTime: boolean;
  /** That day lies within the prescription's course, and the slot precedes any discontinuation. */
  inCourse: boolean;
  /** That day is after today, in the school's time zone. */
  laterDay: boolean;
}

export class DoseClock {
  constructor(private readonly sequelize: Sequelize) {}

  async settingsFor(organizationId: string, transaction?: Transaction): Promise<MedicationSettings> {
    const row = await this.sequelize.query<{ timeZone: string; windowMinutes: number }>(
      `SELECT time_zone AS "timeZone", dose_window_minutes AS "windowMinutes"
         FROM medication_settings WHERE organization_id = :organizationId`,
      { replacements: { organizationId }, type: QueryTypes.SELECT, plain: true, transaction },
    );
    return {
      timeZone: row?.timeZone ?? DEFAULT_TIME_ZONE,
      windowMinutes: row?.windowMinutes ?? DEFAULT_DOSE_WINDOW_MINUTES,
    };
  }

  /** The calendar date (YYYY-MM-DD) of an instant in the school's time zone. */
  async localDate(at: Date, timeZone: string, transaction?: Transaction): Promise<string> {
    const row = await this.sequelize.query<{ day: string }>(
      `SELECT to_char((CAST(:at AS timestamptz) AT TIME ZONE :timeZone)::date, 'YYYY-MM-DD') AS day`,
      { replacements: { at, timeZone }, type: QueryTypes.SELECT, plain: true, transaction },
    );
    return row!.day;
  }

  /**
   * The scheduled time of the prescription nearest to `at`, looking at the day before, the day
   * of and the day after, so a dose near midnight still finds its slot.
   */
  async nearestSlot(
    prescriptionId: string,
    at: Date,
    timeZone: string,
    transaction?: Transaction,
  ): Promise<NearestSlot | null> {
    const row = await this.sequelize.query<{ scheduledFor: Date; minutesOff: number }>(
      `WITH slots AS (
         SELECT ((local.day + offsets.days + t::time) AT TIME ZONE :timeZone) AS scheduled_for
           FROM prescriptions p
          CROSS JOIN LATERAL unnest(p.schedule_times) t
          CROSS JOIN (SELECT (CAST(:at AS timestamptz) AT TIME ZONE :timeZone)::date AS day) local
          CROSS JOIN (VALUES (-1), (0), (1)) offsets(days)
          WHERE p.id = :prescriptionId
       )
       SELECT scheduled_for AS "scheduledFor",
              abs(extract(epoch FROM scheduled_for - CAST(:at AS timestamptz))) / 60 AS "minutesOff"
         FROM slots ORDER BY 2 LIMIT 1`,
      {
        replacements: { prescriptionId, at, timeZone },
        type: QueryTypes.SELECT,
        plain: true,
        transaction,
      },
    );
    return row ? { scheduledFor: new Date(row.scheduledFor), minutesOff: Number(row.minutesOff) } : null;
  }

  /**
   * Whether `scheduledFor` is a scheduled dose of the prescription: the same zone rules as the
   * due list's slots (doseSlots.ts) turn the local day's schedule times back into instants.
   */
  async scheduledSlot(
    prescriptionId: string,
    scheduledFor: Date,
    timeZone: string,
    transaction?: Transaction,
  ): Promise<SlotCheck | null> {
    return this.sequelize.query<SlotCheck>(
      `SELECT EXISTS (
                SELECT 1 FROM unnest(p.schedule_times) t
                 WHERE ((local.day + t::time) AT TIME ZONE :timeZone) = CAST(:slot AS timestamptz)
              ) AS "matchesTime",
              (p.start_date <= local.day AND (p.end_date IS NULL OR p.end_date >= local.day)
                AND (p.discontinued_at IS NULL OR CAST(:slot AS timestamptz) < p.discontinued_at)) AS "inCourse",
              local.day > (now() AT TIME ZONE :timeZone)::date AS "laterDay"
         FROM prescriptions p
        CROSS JOIN (SELECT (CAST(:slot AS timestamptz) AT TIME ZONE :timeZone)::date AS day) local
        WHERE p.id = :prescriptionId`,
      {
        replacements: { prescriptionId, slot: scheduledFor, timeZone },
        type: QueryTypes.SELECT,
        plain: true,
        transaction,
      },
    );
  }
}
