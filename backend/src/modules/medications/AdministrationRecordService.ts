/**
 * The day's medication administration record (MAR) across the organization or one school:
 * every scheduled dose of a school day (the organization's time zone) with where it stands,
 * recorded (GIVEN, REFUSED, MISSED, HELD, with the standing entry filed under the slot) or
 * not yet (OVERDUE, DUE, UPCOMING, as the due list has them). One SQL query answers the
 * page, the day's counts per status and whether the school filter names a school of the
 * organization; the slots are expanded from the schedules as in doseSlots.ts.
 *
 * Which slots a day has: those of the prescriptions whose course covers the day, scheduled
 * before any discontinuation, of students still active; a slot with a standing entry always
 * shows (a record keeps what was done, whatever happened to the order or the student since).
 * PRN doses have no slots and are not on it (the student's history and the log report have them).
 */
import { QueryTypes, type Sequelize } from 'sequelize';
import type { Actor } from '../../infrastructure/http/actor.js';
import { AppError } from '../../infrastructure/http/AppError.js';
import { can } from '../../infrastructure/http/authorization.js';
import type { AuditService } from '../audit/index.js';
import {
  SCHEDULED_DOSE_STATUSES,
  type AdministrationStatus,
  type MedicationRoute,
  type ScheduledDoseStatus,
} from './constants.js';
import type { DoseClock } from './DoseClock.js';
import type { DoseStudent } from './DueDoseService.js';
import { STANDING } from './prescriptionQueries.js';

export interface AdministrationRecordQuery {
  /** YYYY-MM-DD in the organization's time zone; default today there. */
  date?: string;
  schoolId?: string;
  /** Only doses in these states (the counts still cover the whole day). */
  status?: ScheduledDoseStatus[];
  page: number;
  pageSize: number;
}

export interface RecordedAdministration {
  id: string;
  status: AdministrationStatus;
  administeredAt: Date;
  dose: string | null;
  route: MedicationRoute | null;
  /** Why it was not given; null for a role without detail access. */
  reason: string | null;
  administeredBy: { id: string; name: string };
  witnessUserId: string | null;
}

export interface ScheduledDose {
  student: DoseStudent;
  prescription: {
    id: string;
    medication: {
      id: string;
      name: string;
      form: string;
      strength: string;
      controlledSchedule: string | null;
    };
    dose: string;
    route: MedicationRoute;
  };
  scheduledFor: Date;
  status: ScheduledDoseStatus;
  /** The standing entry filed under this dose, if one is. */
  administration: RecordedAdministration | null;
}

export interface AdministrationRecord {
  /** The day shown (YYYY-MM-DD) and the time zone its hours are in. */
  date: string;
  timeZone: string;
  /** The organization's dose window (minutes either side of a scheduled time). */
  windowMinutes: number;
  /** Every dose of the day per status, whatever the status filter and page. */
  counts: Record<ScheduledDoseStatus, number>;
  data: ScheduledDose[];
  page: number;
  pageSize: number;
  /** Doses matching the filter, over all pages. */
  total: number;
}

const recordSql = (statusFilter: string) => `
  WITH day AS (
    SELECT COALESCE(CAST(:date AS date), (now() AT TIME ZONE :timeZone)::date) AS day
  ),
  slots AS (
    SELECT p.id AS prescription_id, p.student_id, p.medication_id, p.dose, p.route, p.discontinued_at,
           ((day.day + t::time) AT TIME ZONE :timeZone) AS scheduled_for
      FROM prescriptions p
     CROSS JOIN day
     CROSS JOIN LATERAL unnest(p.schedule_times) t
     WHERE p.organization_id = :organizationId AND NOT p.prn
       AND p.start_date <= day.day AND (p.end_date IS NULL OR p.end_date >= day.day)
  ),
  doses AS (
    SELECT s.scheduled_for, s.prescription_id, s.dose, s.route,
           st.id AS student_id, st.first_name, st.last_name, st.school_id,
           m.id AS medication_id, m.name AS medication_name, m.form, m.strength, m.controlled_schedule,
           rec.id AS administration_id, rec.status AS administration_status, rec.administered_at,
           rec.dose AS given_dose, rec.route AS given_route, rec.reason, rec.witness_user_id,
           rec.administered_by, rec.given_by_name,
           CASE WHEN rec.id IS NOT NULL THEN rec.status
                WHEN s.scheduled_for < now() - make_interval(mins => :window) THEN 'OVERDUE'
                WHEN s.scheduled_for <= now() + make_interval(mins => :window) THEN 'DUE'
                ELSE 'UPCOMING' END AS dose_status
      FROM slots s
      JOIN students st ON st.id = s.student_id AND st.organization_id = :organizationId
      JOIN medications m ON m.id = s.medication_id AND m.organization_id = :organizationId
      -- The standing entry filed under the slot; a GIVEN one first should there be several.
      LEFT JOIN LATERAL (
        SELECT a.id, a.status, a.administered_at, a.dose, a.route, a.reason, a.witness_user_id,
               a.administered_by, giver.name AS given_by_name
          FROM medication_administrations a
          JOIN users giver ON giver.id = a.administered_by AND giver.organization_id = a.organization_id
         WHERE a.organization_id = :organizationId AND a.prescription_id = s.prescription_id
           AND a.scheduled_for = s.scheduled_for AND ${STANDING}
         ORDER BY (a.status = 'GIVEN') DESC, a.administered_at DESC, a.created_at DESC
         LIMIT 1
      ) rec ON true
     WHERE (CAST(:schoolId AS uuid) IS NULL OR st.school_id = CAST(:schoolId AS uuid))
       AND (rec.id IS NOT NULL
         OR (st.is_active AND (s.discontinued_at IS NULL OR s.scheduled_for < s.discontinued_at)))
  ),
  selected AS (SELECT * FROM doses WHERE ${statusFilter})
  SELECT to_char((SELECT day FROM day), 'YYYY-MM-DD') AS date,
         (CAST(:schoolId AS uuid) IS NULL OR EXISTS (
           SELECT 1 FROM schools WHERE id = CAST(:schoolId AS uuid) AND organization_id = :organizationId
         )) AS "schoolFound",
         (SELECT COALESCE(json_object_agg(dose_status, n), '{}')
            FROM (SELECT dose_status, count(*)::int AS n FROM doses GROUP BY dose_status) c) AS counts,
         (SELECT count(*)::int FROM selected) AS total,
         (SELECT COALESCE(json_agg(json_build_object(
             'student', json_build_object('id', student_id, 'firstName', first_name,
                                          'lastName', last_name, 'schoolId', school_id),
             'prescription', json_build_object(
               'id', prescription_id,
               'medication', json_build_object('id', medication_id, 'name', medication_name, 'form', form,
                                               'strength', strength, 'controlledSchedule', controlled_schedule),
               'dose', dose, 'route', route),
             'scheduledFor', scheduled_for,
             'status', dose_status,
             'administration', CASE WHEN administration_id IS NULL THEN NULL ELSE json_build_object(
               'id', administration_id, 'status', administration_status, 'administeredAt', administered_at,
               'dose', given_dose, 'route', given_route, 'reason', reason, 'witnessUserId', witness_user_id,
               'administeredBy', json_build_object('id', administered_by, 'name', given_by_name)) END
           ) ORDER BY scheduled_for, last_name, first_name, prescription_id), '[]')
            FROM (SELECT * FROM selected
                   ORDER BY scheduled_for, last_name, first_name, prescription_id
                   LIMIT :limit OFFSET :offset) page) AS data`;

interface RecordRow {
  date: string;
  schoolFound: boolean;
  counts: Partial<Record<ScheduledDoseStatus, number>>;
  total: number;
  data: Array<
    Omit<ScheduledDose, 'scheduledFor' | 'administration'> & {
      scheduledFor: string;
      administration: (Omit<RecordedAdministration, 'administeredAt'> & { administeredAt: string }) | null;
    }
  >;
}

export class AdministrationRecordService {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly clock: DoseClock,
    private readonly audit: () => AuditService,
  ) {}

  async day(actor: Actor, query: AdministrationRecordQuery): Promise<AdministrationRecord> {
    const settings = await this.clock.settingsFor(actor.organizationId);
    const statuses = query.status?.length ? query.status : null;
    const row = await this.sequelize.query<RecordRow>(
      recordSql(statuses ? 'dose_status IN (:statuses)' : 'true'),
      {
        replacements: {
          organizationId: actor.organizationId,
          timeZone: settings.timeZone,
          window: settings.windowMinutes,
          date: query.date ?? null,
          schoolId: query.schoolId ?? null,
          statuses,
          limit: query.pageSize,
          offset: (query.page - 1) * query.pageSize,
        },
        type: QueryTypes.SELECT,
        plain: true,
      },
    );
    if (!row?.schoolFound) throw AppError.notFound('School');
    const detail = can(actor.role, 'health-records:read-detail');
    const data = row.data.map((d): ScheduledDose => ({
      ...d,
      scheduledFor: new Date(d.scheduledFor),
      administration: d.administration
        ? {
            ...d.administration,
            administeredAt: new Date(d.administration.administeredAt),
            reason: detail ? d.administration.reason : null,
          }
        : null,
    }));
    await this.audit().recordFor(
      actor,
      'medication_record.read',
      { type: 'medication_record' },
      {
        date: row.date,
        schoolId: query.schoolId ?? null,
        status: statuses,
        page: query.page,
        resultCount: data.length,
        studentIds: [...new Set(data.map((d) => d.student.id))],
      },
    );
    return {
      date: row.date,
      timeZone: settings.timeZone,
      windowMinutes: settings.windowMinutes,
      counts: Object.fromEntries(SCHEDULED_DOSE_STATUSES.map((s) => [s, row.counts[s] ?? 0])) as Record<
        ScheduledDoseStatus,
        number
      >,
      data,
      page: query.page,
      pageSize: query.pageSize,
      total: row.total,
    };
  }
}
