/**
 * Reads incidents with the student they are about (name and school), in one query with a
 * JOIN: a list page costs one SELECT and one COUNT, whatever its length. Always scoped to one
 * organization; the student is joined on (id, organization) like the foreign key.
 */
import { QueryTypes, type Sequelize } from 'sequelize';
import { type PageWindow, selectPage } from '../../infrastructure/database/pagedQuery.js';
import { studentRefColumn, type StudentRef } from '../students/index.js';
import type { IncidentAttributes, IncidentSeverity, IncidentType } from './models.js';

/** Who the row is about: the students module's reference. */
export type IncidentStudent = StudentRef;

export type IncidentRow = IncidentAttributes & { student: IncidentStudent };

export interface IncidentFilter {
  studentId?: string;
  /** The student's school; one of another organization matches nothing. */
  schoolId?: string;
  from?: Date;
  to?: Date;
  type?: IncidentType;
  severity?: IncidentSeverity;
}

const FROM = `
    FROM incidents i
    JOIN students s ON s.id = i.student_id AND s.organization_id = i.organization_id
   WHERE i.organization_id = :organizationId`;

const COLUMNS = `
         i.id, i.organization_id AS "organizationId", i.student_id AS "studentId",
         i.reported_by AS "reportedBy", i.type, i.severity, i.location,
         i.occurred_at AS "occurredAt", i.description, i.actions_taken AS "actionsTaken",
         i.witnesses, i.parent_notified AS "parentNotified",
         i.parent_notified_by AS "parentNotifiedBy", i.parent_notified_at AS "parentNotifiedAt",
         i.parent_notification_method AS "parentNotificationMethod",
         i.follow_up_required AS "followUpRequired", i.follow_up_notes AS "followUpNotes",
         i.created_at AS "createdAt", i.updated_at AS "updatedAt",
         ${studentRefColumn('s')}`;

const SELECT = `SELECT ${COLUMNS} ${FROM}`;

/** The filter as SQL; a school of another organization matches nothing (the scope is the org). */
function conditions(filter: IncidentFilter): string {
  const sql: string[] = [];
  if (filter.studentId) sql.push('AND i.student_id = :studentId');
  if (filter.schoolId) sql.push('AND s.school_id = :schoolId');
  if (filter.type) sql.push('AND i.type = :type');
  if (filter.severity) sql.push('AND i.severity = :severity');
  if (filter.from) sql.push('AND i.occurred_at >= :from');
  if (filter.to) sql.push('AND i.occurred_at <= :to');
  return sql.join(' ');
}

function toRow(r: IncidentRow): IncidentRow {
  // Raw rows: make the instants Dates whatever the driver's parsers did.
  return {
    ...r,
    occurredAt: new Date(r.occurredAt),
    parentNotifiedAt: r.parentNotifiedAt === null ? null : new Date(r.parentNotifiedAt),
    createdAt: new Date(r.createdAt),
    updatedAt: new Date(r.updatedAt),
  };
}

export async function selectIncidentPage(
  sequelize: Sequelize,
  organizationId: string,
  filter: IncidentFilter,
  page: PageWindow,
): Promise<{ rows: IncidentRow[]; count: number }> {
  const { rows, count } = await selectPage<IncidentRow>(
    sequelize,
    { columns: COLUMNS, from: FROM, where: conditions(filter), orderBy: 'i.occurred_at DESC, i.id ASC' },
    { organizationId, ...filter },
    page,
  );
  return { rows: rows.map(toRow), count };
}

export async function selectIncident(
  sequelize: Sequelize,
  organizationId: string,
  id: string,
): Promise<IncidentRow | null> {
  const row = await sequelize.query<IncidentRow>(`${SELECT} AND i.id = :id`, {
    replacements: { organizationId, id },
    type: QueryTypes.SELECT,
    plain: true,
  });
  return row ? toRow(row) : null;
}
