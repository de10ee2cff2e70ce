/**
 * What the medication-reminder job asks: which scheduled doses are still outstanding. No actor
 * and no audit: a job reads on nobody's behalf, and the answer leaves the server only as
 * reminders to the organization's own staff. A slot counts as outstanding until a standing
 * administration (GIVEN, REFUSED, MISSED or HELD) is recorded against it.
 */
import { QueryTypes, type Sequelize } from 'sequelize';
import type { DoseClock } from './DoseClock.js';
import { SLOTS_CTE } from './doseSlots.js';
import { STANDING } from './prescriptionQueries.js';

export interface ReminderDose {
  studentId: string;
  studentName: string;
  prescriptionId: string;
  /** Name and strength, as a nurse reads it on the label: "Ibuprofen 200 mg". */
  medication: string;
  dose: string;
  scheduledFor: Date;
  /** "HH:MM" in the school's time zone. */
  localTime: string;
}

/** Slots of today and tomorrow: a sweep late in the evening looks past midnight. */
const TODAY_AND_TOMORROW = [0, 1];

const outstandingSql = (slotFilter: string) => `
  WITH ${SLOTS_CTE}
  SELECT s.student_id AS "studentId", st.first_name || ' ' || st.last_name AS "studentName",
         s.prescription_id AS "prescriptionId", m.name || ' ' || m.strength AS medication,
         s.dose, s.scheduled_for AS "scheduledFor",
         to_char(s.scheduled_for AT TIME ZONE :timeZone, 'HH24:MI') AS "localTime"
    FROM slots s
    JOIN students st ON st.id = s.student_id AND st.organization_id = :organizationId AND st.is_active
    JOIN medications m ON m.id = s.medication_id AND m.organization_id = :organizationId
   WHERE ${slotFilter}
     AND NOT EXISTS (
       SELECT 1 FROM medication_administrations a
        WHERE a.organization_id = :organizationId AND a.prescription_id = s.prescription_id
          AND a.scheduled_for = s.scheduled_for AND ${STANDING})
   ORDER BY s.scheduled_for, st.last_name, st.first_name, s.prescription_id`;

// Today's slots already past (due or overdue) and any slot in the coming window. No LIMIT:
// a dose left out of a sweep would silently never be reminded.
const SWEEP_SQL = outstandingSql(`s.scheduled_for <= now() + make_interval(mins => :windowMinutes)`);

const ONE_SLOT_SQL = outstandingSql(
  `s.prescription_id = :prescriptionId AND s.scheduled_for = CAST(:scheduledFor AS timestamptz)`,
);

export class ReminderDoseService {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly clock: DoseClock,
  ) {}

  /** Organizations with a scheduled prescription that may still have a dose to give. */
  async organizationIds(): Promise<string[]> {
    const rows = await this.sequelize.query<{ id: string }>(
      `SELECT DISTINCT organization_id AS id FROM prescriptions
        WHERE NOT prn AND discontinued_at IS NULL AND (end_date IS NULL OR end_date >= current_date - 1)`,
      { type: QueryTypes.SELECT },
    );
    return rows.map((r) => r.id);
  }

  /** Outstanding slots of today up to now, and of today or tomorrow up to `windowMinutes` ahead. */
  async outstanding(organizationId: string, windowMinutes: number): Promise<ReminderDose[]> {
    return this.query(organizationId, SWEEP_SQL, { windowMinutes });
  }

  /** The one slot, if it is (still) a scheduled slot of an active prescription and not yet recorded. */
  async outstandingSlot(
    organizationId: string,
    prescriptionId: string,
    scheduledFor: Date,
  ): Promise<ReminderDose | null> {
    const [dose] = await this.query(organizationId, ONE_SLOT_SQL, { prescriptionId, scheduledFor });
    return dose ?? null;
  }

  private async query(
    organizationId: string,
    sql: string,
    replacements: Record<string, unknown>,
  ): Promise<ReminderDose[]> {
    const { timeZone } = await this.clock.settingsFor(organizationId);
    const rows = await this.sequelize.query<ReminderDose>(sql, {
      replacements: { organizationId, timeZone, days: TODAY_AND_TOMORROW, ...replacements },
      type: QueryTypes.SELECT,
    });
    return rows.map((r) => ({ ...r, scheduledFor: new Date(r.scheduledFor) }));
  }
}
