/**
 * What every health-record service needs, and the one shape of a write: in a transaction,
 * the student checked in the caller's organization first (404 otherwise), the audit row in
 * the same transaction, and the student's cached profile dropped once it has committed.
 */
import type { Attributes, Model, ModelStatic, Sequelize, Transaction, WhereOptions } from 'sequelize';
import type { Actor } from '../../infrastructure/http/actor.js';
import { AppError } from '../../infrastructure/http/AppError.js';
import type { AuditService } from '../audit/index.js';
import type { StudentService } from '../students/index.js';
import type { HealthRecordModels } from './models.js';

export interface HealthRecordContext {
  sequelize: Sequelize;
  models: HealthRecordModels;
  /** Looked up when needed: the students and audit plugins expose them at register time. */
  students: () => StudentService;
  audit: () => AuditService;
}

export async function writeForStudent<T>(
  ctx: HealthRecordContext,
  actor: Actor,
  studentId: string,
  work: (transaction: Transaction) => Promise<T>,
): Promise<T> {
  const result = await ctx.sequelize.transaction(async (transaction) => {
    await ctx.students().assertExists(actor.organizationId, studentId, transaction);
    return work(transaction);
  });
  await ctx.students().invalidate(actor.organizationId, studentId);
  return result;
}

/** A read of one student's records: 404 unless the student is the caller's, then audited. */
export async function readForStudent<T extends { id: string }>(
  ctx: HealthRecordContext,
  actor: Actor,
  studentId: string,
  entityType: string,
  load: () => Promise<T[]>,
): Promise<T[]> {
  await ctx.students().assertExists(actor.organizationId, studentId);
  const records = await load();
  await ctx
    .audit()
    .recordFor(
      actor,
      `${entityType}.list`,
      { type: entityType },
      { studentId, resultCount: records.length, ids: records.map((r) => r.id) },
    );
  return records;
}

export interface RecordEdit<R extends Model & { id: string }, V> {
  model: ModelStatic<R>;
  /** The audit entity type: the action is `${entity}.update`. */
  entity: string;
  /** What a 404 names. */
  label: string;
  id: string;
  input: Partial<Attributes<R>>;
  view: (row: R) => V;
  /** A rule on the record as the edit would leave it; throws to refuse. */
  check?: (merged: Attributes<R>) => void;
}

/**
 * The one shape of an edit to a student's record: the row locked in the caller's organization
 * and under that student (404 otherwise, so ids from elsewhere reveal nothing), then updated
 * and audited by field name only (never the values, which are clinical).
 */
export function updateForStudent<R extends Model & { id: string }, V>(
  ctx: HealthRecordContext,
  actor: Actor,
  studentId: string,
  edit: RecordEdit<R, V>,
): Promise<V> {
  return writeForStudent(ctx, actor, studentId, async (transaction) => {
    const row = await edit.model.findOne({
      where: { id: edit.id, studentId, organizationId: actor.organizationId } as WhereOptions,
      transaction,
      lock: transaction.LOCK.UPDATE,
    });
    if (!row) throw AppError.notFound(edit.label);
    edit.check?.({ ...row.get({ plain: true }), ...edit.input });
    await row.update(edit.input, { transaction });
    await ctx
      .audit()
      .recordFor(
        actor,
        `${edit.entity}.update`,
        { type: edit.entity, id: row.id },
        { studentId, fields: Object.keys(edit.input) },
        transaction,
      );
    return edit.view(row);
  });
}
