/**
 * Scheduled doses across the organization that are due now (within the window either side)
 * or overdue today (the window has passed with nothing recorded for the slot). One SQL query:
 * today's slots are expanded from each active prescription's schedule in the school's time
 * zone, and a slot is filled by any standing administration recorded against it.
 */
import { QueryTypes, type Sequelize } from 'sequelize';
import type { Actor } from '../../infrastructure/http/actor.js';
import type { AuditService } from '../audit/index.js';
import type { MedicationRoute } from './constants.js';
import type { DoseClock } from './DoseClock.js';
import { SLOTS_CTE } from './doseSlots.js';
import { STANDING } from './prescriptionQueries.js';
import { assertSchoolOf } from './schoolScope.js';

export interface DoseStudent {
  id: string;
  firstName: string;
  lastName: string;
  schoolId: string | null;
}

export interface DueDose {
  studentId: string;
  /** "First Last"; `student` has the parts (and the school). */
  studentName: string;
  student: DoseStudent;
  prescriptionId: string;
  medication: { id: string; name: string; form: string; strength: string };
  dose: string;
  route: MedicationRoute;
  scheduledFor: Date;
  status: 'DUE' | 'OVERDUE';
}

export interface DueQuery {
  window?: number;
  schoolId?: string;
}

const DUE_SQL = `
  WITH ${SLOTS_CTE}
  SELECT s.student_id AS "studentId", st.first_name || ' ' || st.last_name AS "studentName",
         json_build_object('id', st.id, 'firstName', st.first_name, 'lastName', st.last_name,
                           'schoolId', st.school_id) AS student,
         s.prescription_id AS "prescriptionId",
         json_build_object('id', m.id, 'name', m.name, 'form', m.form, 'strength', m.strength) AS medication,
         s.dose, s.route, s.scheduled_for AS "scheduledFor",
         CASE WHEN s.scheduled_for < now() - make_interval(mins => :window) THEN 'OVERDUE' ELSE 'DUE' END AS status
    FROM slots s
    JOIN students st ON st.id = s.student_id AND st.organization_id = :organizationId AND st.is_active
    JOIN medications m ON m.id = s.medication_id AND m.organization_id = :organizationId
   WHERE s.scheduled_for <= now() + make_interval(mins => :window)
     AND (CAST(:schoolId AS uuid) IS NULL OR st.school_id = CAST(:schoolId AS uuid))
     AND NOT EXISTS (
       SELECT 1 FROM medication_administrations a
        WHERE a.organization_id = :organizationId AND a.prescription_id = s.prescription_id
          AND a.scheduled_for = s.scheduled_for AND ${STANDING})
   ORDER BY s.scheduled_for, st.last_name, st.first_name, s.prescription_id
   LIMIT 2000`;

export class DueDoseService {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly clock: DoseClock,
    private readonly audit: () => AuditService,
  ) {}

  /**
   * For a caller (audited); `window` in minutes, default the organization's dose window;
   * `schoolId` one of the organization's schools (another's is a 404).
   */
  async list(actor: Actor, query: DueQuery = {}): Promise<DueDose[]> {
    const doses = await this.dueDoses(actor.organizationId, query);
    await this.audit().recordFor(
      actor,
      'medication_due.read',
      { type: 'medication_due' },
      {
        resultCount: doses.length,
        schoolId: query.schoolId ?? null,
        studentIds: [...new Set(doses.map((d) => d.studentId))],
      },
    );
    return doses;
  }

  /** The narrow interface a reminder job would be given: no actor, no audit. */
  async dueDoses(organizationId: string, query: DueQuery = {}): Promise<DueDose[]> {
    const [settings] = await Promise.all([
      this.clock.settingsFor(organizationId),
      assertSchoolOf(this.sequelize, organizationId, query.schoolId),
    ]);
    const rows = await this.sequelize.query<DueDose>(DUE_SQL, {
      replacements: {
        organizationId,
        timeZone: settings.timeZone,
        window: query.window ?? settings.windowMinutes,
        schoolId: query.schoolId ?? null,
        days: [0],
      },
      type: QueryTypes.SELECT,
    });
    return rows.map((r) => ({ ...r, scheduledFor: new Date(r.scheduledFor) }));
  }
}
