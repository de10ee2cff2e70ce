/**
 * What every health-record service needs, and the one shape of a write: in a transaction,
 * the student checked in the caller's organization first (404 otherwise), the audit row in
 * the same transaction, and the student's cached profile dropped once it has committed.
 */
import type { Sequelize, Transaction } from 'sequelize';
import type { Actor } from '../../infrastructure/http/actor.js';
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
