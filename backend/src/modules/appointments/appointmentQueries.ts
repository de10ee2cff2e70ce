/**
 * Reads appointments with the student they are for (name and school), in one query with a
 * JOIN: a list page costs one SELECT and one COUNT, whatever its length. Always scoped to one
 * organization; the student is joined on (id, organization) like the foreign key.
 */
import { QueryTypes, type Sequelize } from 'sequelize';
import { type PageWindow, selectPage } from '../../infrastructure/database/pagedQuery.js';
import { studentRefColumn, type StudentRef } from '../students/index.js';
import type { AppointmentAttributes, AppointmentStatus } from './models.js';

/** Who the row is about: the students module's reference. */
export type AppointmentStudent = StudentRef;

export type AppointmentRow = AppointmentAttributes & { student: AppointmentStudent };

export interface AppointmentFilter {
  from?: Date;
  to?: Date;
  nurseId?: string;
  studentId?: string;
  /** The student's school; one of another organization matches nothing. */
  schoolId?: string;
  status?: AppointmentStatus;
}

const FROM = `
    FROM appointments a
    JOIN students s ON s.id = a.student_id AND s.organization_id = a.organization_id
   WHERE a.organization_id = :organizationId`;

const COLUMNS = `
         a.id, a.organization_id AS "organizationId", a.student_id AS "studentId",
         a.nurse_id AS "nurseId", a.created_by AS "createdBy", a.starts_at AS "startsAt",
         a.duration_minutes AS "durationMinutes", a.type, a.status, a.reason, a.notes,
         a.reminder_due_at AS "reminderDueAt", a.reminder_sent_at AS "reminderSentAt",
         a.created_at AS "createdAt", a.updated_at AS "updatedAt",
         ${studentRefColumn('s')}`;

const SELECT = `SELECT ${COLUMNS} ${FROM}`;

/** The filter as SQL; a school of another organization matches nothing (the scope is the org). */
function conditions(filter: AppointmentFilter): string {
  const sql: string[] = [];
  if (filter.nurseId) sql.push('AND a.nurse_id = :nurseId');
  if (filter.studentId) sql.push('AND a.student_id = :studentId');
  if (filter.schoolId) sql.push('AND s.school_id = :schoolId');
  if (filter.status) sql.push('AND a.status = :status');
  if (filter.from) sql.push('AND a.starts_at >= :from');
  if (filter.to) sql.push('AND a.starts_at <= :to');
  return sql.join(' ');
}

const asDate = (value: Date | null): Date | null => (value === null ? null : new Date(value));

function toRow(r: AppointmentRow): AppointmentRow {
  // Raw rows: make the instants Dates whatever the driver's parsers did.
  return {
    ...r,
    startsAt: new Date(r.startsAt),
    reminderDueAt: asDate(r.reminderDueAt),
    reminderSentAt: asDate(r.reminderSentAt),
    createdAt: new Date(r.createdAt),
    updatedAt: new Date(r.updatedAt),
  };
}

export async function selectAppointmentPage(
  sequelize: Sequelize,
  organizationId: string,
  filter: AppointmentFilter,
  page: PageWindow,
): Promise<{ rows: AppointmentRow[]; count: number }> {
  const { rows, count } = await selectPage<AppointmentRow>(
    sequelize,
    { columns: COLUMNS, from: FROM, where: conditions(filter), orderBy: 'a.starts_at ASC, a.id ASC' },
    { organizationId, ...filter },
    page,
  );
  return { rows: rows.map(toRow), count };
}

export async function selectAppointment(
  sequelize: Sequelize,
  organizationId: string,
  id: string,
): Promise<AppointmentRow | null> {
  const row = await sequelize.query<AppointmentRow>(`${SELECT} AND a.id = :id`, {
    replacements: { organizationId, id },
    type: QueryTypes.SELECT,
    plain: true,
  });
  return row ? toRow(row) : null;
}
