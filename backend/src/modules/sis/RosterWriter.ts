/**
 * Writes the SIS roster into `students`, one page per transaction (the caller's): adopts
 * hand-entered students whose student number the SIS sends (so a district that switches the
 * sync on keeps its records), then creates, updates and deactivates as planned (rosterPlan.ts),
 * auditing each student written. Never deletes. Runs of one organization write one page at a
 * time (an advisory lock), so two overlapping runs cannot count the same change twice.
 */
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import type { RosterStudent } from '../../integrations/clients/SisApiClient.js';
import type { AuditService } from '../audit/index.js';
import { planRosterPage, type RosterPlan, type StoredStudent, type StudentFields } from './rosterPlan.js';

export interface PageCounts {
  created: number;
  updated: number;
  deactivated: number;
  unchanged: number;
  skipped: number;
}

export interface PageResult extends PageCounts {
  /** Students whose row changed: their cached profiles are stale once the transaction commits. */
  touched: string[];
}

export interface WriteContext {
  organizationId: string;
  schools: ReadonlyMap<string, string>;
  runId: string;
  /** Who asked for the sync (null: the schedule). */
  userId: string | null;
}

type Audit = () => Pick<AuditService, 'record'>;

const json = (value: unknown) => JSON.stringify(value);

const STORED_COLUMNS = `id, sis_sourced_id AS "sourcedId", first_name AS "firstName", last_name AS "lastName",
  to_char(date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth", grade, gender, student_number AS "studentNumber",
  school_id AS "schoolId", is_active AS "isActive"`;

const FIELD_RECORD = `sourced_id text, first_name text, last_name text, date_of_birth date, grade text,
  gender text, student_number text, school_id uuid`;

export class RosterWriter {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly audit: Audit,
  ) {}

  /** Sourced ids of this page that no student of the organization carries yet. */
  async unknown(organizationId: string, sourcedIds: readonly string[]): Promise<Set<string>> {
    if (sourcedIds.length === 0) return new Set();
    const rows = await this.sequelize.query<{ sourcedId: string }>(
      `SELECT sis_sourced_id AS "sourcedId" FROM students
        WHERE organization_id = :organizationId AND sis_sourced_id IN (:sourcedIds)`,
      { replacements: { organizationId, sourcedIds }, type: QueryTypes.SELECT },
    );
    const known = new Set(rows.map((r) => r.sourcedId));
    return new Set(sourcedIds.filter((id) => !known.has(id)));
  }

  async writePage(
    students: readonly RosterStudent[],
    context: WriteContext,
    transaction: Transaction,
  ): Promise<PageResult> {
    const { organizationId } = context;
    await this.sequelize.query('SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))', {
      replacements: { key: `sis-sync:${organizationId}` },
      transaction,
    });
    if (students.length === 0)
      return { created: 0, updated: 0, deactivated: 0, unchanged: 0, skipped: 0, touched: [] };
    const adopted = await this.adoptByStudentNumber(students, context, transaction);
    const sourcedIds = students.map((s) => s.sourcedId);
    const existing = await this.sequelize.query<StoredStudent>(
      `SELECT ${STORED_COLUMNS} FROM students
        WHERE organization_id = :organizationId AND sis_sourced_id IN (:sourcedIds) FOR UPDATE`,
      { replacements: { organizationId, sourcedIds }, type: QueryTypes.SELECT, transaction },
    );
    const plan = planRosterPage(students, {
      existing: new Map(existing.map((s) => [s.sourcedId, s])),
      schools: context.schools,
      numbersInUse: await this.numbersInUse(organizationId, students, transaction),
    });

    const created = await this.insert(organizationId, plan.create, transaction);
    await this.updateRows(organizationId, plan.update, transaction);
    if (plan.deactivate.length > 0) {
      await this.sequelize.query(
        `UPDATE students SET is_active = false, updated_at = now()
          WHERE organization_id = :organizationId AND id IN (:ids)`,
        { replacements: { organizationId, ids: plan.deactivate }, transaction },
      );
    }

    const record = (action: string, studentId: string, details: Record<string, unknown> = {}) =>
      this.recordAudit(context, action, studentId, details, transaction);
    for (const id of created) await record('student.sis.create', id);
    for (const u of plan.update) {
      await record('student.sis.update', u.id, {
        fields: u.changed,
        reactivated: u.reactivated,
        linked: adopted.has(u.id),
      });
    }
    for (const id of plan.deactivate) await record('student.sis.deactivate', id);
    for (const id of adopted) {
      if (!plan.update.some((u) => u.id === id)) await record('student.sis.link', id);
    }

    return {
      created: created.length,
      updated: plan.update.length,
      deactivated: plan.deactivate.length,
      unchanged: plan.unchanged,
      skipped: plan.skipped,
      touched: [...created, ...plan.update.map((u) => u.id), ...plan.deactivate, ...adopted],
    };
  }

  /**
   * After a FULL roster: deactivates the organization's SIS students the roster no longer
   * lists. `listed` holds every active sourcedId the roster sent.
   */
  async deactivateUnlisted(
    listed: ReadonlySet<string>,
    context: WriteContext,
    transaction: Transaction,
  ): Promise<string[]> {
    const { organizationId } = context;
    await this.sequelize.query('SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))', {
      replacements: { key: `sis-sync:${organizationId}` },
      transaction,
    });
    const rows = await this.sequelize.query<{ id: string }>(
      `UPDATE students s SET is_active = false, updated_at = now()
        WHERE s.organization_id = :organizationId AND s.is_active AND s.sis_sourced_id IS NOT NULL
          AND NOT EXISTS (
            SELECT 1 FROM jsonb_array_elements_text(CAST(:listed AS jsonb)) AS l(id) WHERE l.id = s.sis_sourced_id)
        RETURNING s.id`,
      { replacements: { organizationId, listed: json([...listed]) }, type: QueryTypes.SELECT, transaction },
    );
    for (const { id } of rows) {
      await this.recordAudit(context, 'student.sis.deactivate', id, { unlisted: true }, transaction);
    }
    return rows.map((r) => r.id);
  }

  /** Active SIS-linked students of the organization (a full roster of none would deactivate them all). */
  async countLinked(organizationId: string): Promise<number> {
    const [row] = await this.sequelize.query<{ count: string }>(
      `SELECT count(*) AS count FROM students
        WHERE organization_id = :organizationId AND is_active AND sis_sourced_id IS NOT NULL`,
      { replacements: { organizationId }, type: QueryTypes.SELECT },
    );
    return Number(row?.count ?? 0);
  }

  /** Students entered by hand whose number the roster sends become that roster student. */
  private async adoptByStudentNumber(
    students: readonly RosterStudent[],
    context: WriteContext,
    transaction: Transaction,
  ): Promise<Set<string>> {
    const candidates = students
      .filter((s) => s.status === 'active' && s.identifier !== undefined)
      .map((s) => ({ sourced_id: s.sourcedId, student_number: s.identifier }));
    if (candidates.length === 0) return new Set();
    const rows = await this.sequelize.query<{ id: string }>(
      `UPDATE students s SET sis_sourced_id = r.sourced_id, updated_at = now()
         FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(sourced_id text, student_number text)
        WHERE s.organization_id = :organizationId AND s.sis_sourced_id IS NULL
          AND s.student_number = r.student_number
          AND NOT EXISTS (SELECT 1 FROM students o
                           WHERE o.organization_id = :organizationId AND o.sis_sourced_id = r.sourced_id)
        RETURNING s.id`,
      {
        replacements: { organizationId: context.organizationId, rows: json(candidates) },
        type: QueryTypes.SELECT,
        transaction,
      },
    );
    return new Set(rows.map((r) => r.id));
  }

  private async numbersInUse(
    organizationId: string,
    students: readonly RosterStudent[],
    transaction: Transaction,
  ): Promise<Map<string, string | null>> {
    const numbers = students.flatMap((s) => (s.identifier ? [s.identifier] : []));
    if (numbers.length === 0) return new Map();
    const rows = await this.sequelize.query<{ number: string; sourcedId: string | null }>(
      `SELECT student_number AS number, sis_sourced_id AS "sourcedId" FROM students
        WHERE organization_id = :organizationId AND student_number IN (:numbers)`,
      { replacements: { organizationId, numbers }, type: QueryTypes.SELECT, transaction },
    );
    return new Map(rows.map((r) => [r.number, r.sourcedId]));
  }

  private async insert(
    organizationId: string,
    rows: RosterPlan['create'],
    transaction: Transaction,
  ): Promise<string[]> {
    if (rows.length === 0) return [];
    const inserted = await this.sequelize.query<{ id: string }>(
      `INSERT INTO students (organization_id, sis_sourced_id, first_name, last_name, date_of_birth, grade,
                             gender, student_number, school_id)
       SELECT :organizationId, r.sourced_id, r.first_name, r.last_name, r.date_of_birth, r.grade,
              r.gender, r.student_number, r.school_id
         FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(${FIELD_RECORD})
       RETURNING id`,
      {
        replacements: { organizationId, rows: json(rows.map(toColumns)) },
        type: QueryTypes.SELECT,
        transaction,
      },
    );
    return inserted.map((r) => r.id);
  }

  private async updateRows(
    organizationId: string,
    rows: RosterPlan['update'],
    transaction: Transaction,
  ): Promise<void> {
    if (rows.length === 0) return;
    await this.sequelize.query(
      `UPDATE students s
          SET first_name = r.first_name, last_name = r.last_name, date_of_birth = r.date_of_birth,
              grade = r.grade, gender = r.gender, student_number = r.student_number,
              school_id = r.school_id, is_active = true, updated_at = now()
         FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(id uuid, ${FIELD_RECORD})
        WHERE s.id = r.id AND s.organization_id = :organizationId`,
      {
        replacements: { organizationId, rows: json(rows.map((u) => ({ id: u.id, ...toColumns(u.fields) }))) },
        transaction,
      },
    );
  }

  private recordAudit(
    context: WriteContext,
    action: string,
    studentId: string,
    details: Record<string, unknown>,
    transaction: Transaction,
  ): Promise<void> {
    return this.audit().record(
      {
        organizationId: context.organizationId,
        userId: context.userId,
        action,
        entityType: 'student',
        entityId: studentId,
        details: { runId: context.runId, ...details },
      },
      transaction,
    );
  }
}

function toColumns(fields: StudentFields) {
  return {
    sourced_id: fields.sourcedId,
    first_name: fields.firstName,
    last_name: fields.lastName,
    date_of_birth: fields.dateOfBirth,
    grade: fields.grade,
    gender: fields.gender,
    student_number: fields.studentNumber,
    school_id: fields.schoolId,
  };
}
