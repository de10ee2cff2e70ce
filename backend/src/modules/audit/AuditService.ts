/**
 * Appends to and reads the audit log. Rows are numbered, chained and hashed by the database
 * trigger (see the audit-log migration); this service only inserts and verifies.
 */
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import type { Actor } from '../../infrastructure/http/actor.js';
import { AuditBatchWriter } from './AuditBatchWriter.js';

export interface AuditEntry {
  organizationId: string | null;
  userId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  /** Identifiers and counts only: never health data. */
  details?: Record<string, unknown>;
}

export interface AuditRecord {
  id: string;
  seq: string;
  organizationId: string | null;
  userId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  ipAddress: string | null;
  userAgent: string | null;
  details: Record<string, unknown>;
  createdAt: string;
}

export interface AuditFilters {
  from?: Date;
  to?: Date;
  userId?: string;
  studentId?: string;
  action?: string;
  page: number;
  pageSize: number;
}

export type BreakReason = 'hash mismatch' | 'link mismatch' | 'gap in sequence';

export interface ChainVerification {
  chain: string;
  rowsChecked: number;
  valid: boolean;
  firstBroken: { id: string; seq: string; reason: BreakReason } | null;
}

const SELECT_COLUMNS = `id::text AS id, seq::text AS seq, organization_id AS "organizationId", user_id AS "userId",
  action, entity_type AS "entityType", entity_id AS "entityId", ip_address AS "ipAddress",
  user_agent AS "userAgent", details, created_at AS "createdAt"`;

const INSERT_COLUMNS = `organization_id, user_id, action, entity_type, entity_id, ip_address, user_agent, details, chain, seq, prev_hash, hash`;

/** Bind values per row, in INSERT_COLUMNS order (the trigger fills chain, seq and the hashes). */
const BOUND_PER_ROW = 8;

function boundValues(entry: AuditEntry): unknown[] {
  return [
    entry.organizationId,
    entry.userId,
    entry.action,
    entry.entityType,
    entry.entityId ?? null,
    entry.ip ?? null,
    entry.userAgent ?? null,
    JSON.stringify(entry.details ?? {}),
  ];
}

/** `($1, ..., $8, '', 0, '', '')` for the row at `index`. */
function placeholders(index: number): string {
  const first = index * BOUND_PER_ROW;
  const bound = Array.from({ length: BOUND_PER_ROW }, (_, k) => `$${first + k + 1}`);
  return `(${bound.join(', ')}, '', 0, '', '')`;
}

export class AuditService {
  private readonly batches: AuditBatchWriter<AuditEntry>;

  constructor(private readonly sequelize: Sequelize) {
    this.batches = new AuditBatchWriter((entries) => this.insert(entries));
  }

  /**
   * Inside the caller's transaction, the row commits or rolls back with the write it records.
   * Without one (reads, logins), rows are group-committed (AuditBatchWriter); either way the
   * promise resolves once the row is written.
   */
  async record(entry: AuditEntry, transaction?: Transaction): Promise<void> {
    if (transaction) await this.insert([entry], transaction);
    else await this.batches.write(entry);
  }

  /** Rows in the order given: the chain trigger numbers them one after another. */
  private async insert(entries: AuditEntry[], transaction?: Transaction): Promise<void> {
    await this.sequelize.query(
      `INSERT INTO audit_log (${INSERT_COLUMNS}) VALUES ${entries.map((_, i) => placeholders(i)).join(', ')}`,
      { bind: entries.flatMap(boundValues), type: QueryTypes.INSERT, transaction },
    );
  }

  /** The common case: an actor did something to one entity. */
  async recordFor(
    actor: Actor,
    action: string,
    entity: { type: string; id?: string | null },
    details?: Record<string, unknown>,
    transaction?: Transaction,
  ): Promise<void> {
    await this.record(
      {
        organizationId: actor.organizationId,
        userId: actor.userId,
        action,
        entityType: entity.type,
        entityId: entity.id ?? null,
        ip: actor.ip,
        userAgent: actor.userAgent,
        details,
      },
      transaction,
    );
  }

  async list(organizationId: string, filters: AuditFilters): Promise<{ data: AuditRecord[]; total: number }> {
    const filterSql: Array<[value: unknown, name: string, sql: string]> = [
      [filters.from, 'from', 'created_at >= :from'],
      [filters.to, 'to', 'created_at <= :to'],
      [filters.userId, 'userId', 'user_id = :userId'],
      [filters.action, 'action', 'action = :action'],
      // A sub-record (allergy, incident, ...) names its student in details.
      [
        filters.studentId,
        'studentId',
        `((entity_type = 'student' AND entity_id = :studentId) OR details->>'studentId' = :studentId)`,
      ],
    ];
    const conditions = ['organization_id = :organizationId'];
    const replacements: Record<string, unknown> = { organizationId };
    for (const [value, name, sql] of filterSql) {
      if (value === undefined) continue;
      conditions.push(sql);
      replacements[name] = value;
    }
    const where = conditions.join(' AND ');
    // audit_log.seq, the number: a bare `seq` would sort by the text alias (9 after 10).
    const [rows, counted] = await Promise.all([
      this.sequelize.query<AuditRecord>(
        `SELECT ${SELECT_COLUMNS} FROM audit_log WHERE ${where} ORDER BY audit_log.seq DESC LIMIT :limit OFFSET :offset`,
        {
          replacements: {
            ...replacements,
            limit: filters.pageSize,
            offset: (filters.page - 1) * filters.pageSize,
          },
          type: QueryTypes.SELECT,
        },
      ),
      this.sequelize.query<{ total: string }>(
        `SELECT count(*)::text AS total FROM audit_log WHERE ${where}`,
        {
          replacements,
          type: QueryTypes.SELECT,
        },
      ),
    ]);
    return { data: rows, total: Number(counted[0]?.total ?? 0) };
  }

  /** Chains to check: one per organization, plus 'system' for events with no organization. */
  async chains(): Promise<string[]> {
    const rows = await this.sequelize.query<{ chain: string }>(
      'SELECT DISTINCT chain FROM audit_log ORDER BY chain',
      { type: QueryTypes.SELECT },
    );
    return rows.map((r) => r.chain);
  }

  /**
   * Recomputes every row's hash and link in one chain and reports the first broken one.
   * A row edited behind the triggers' back fails its own hash; a deleted row leaves a gap.
   */
  async verifyChain(chain: string): Promise<ChainVerification> {
    const [summary] = await this.sequelize.query<{
      checked: string;
      id: string | null;
      seq: string | null;
      reason: BreakReason;
    }>(
      `WITH rows AS (
         SELECT a.id, a.seq, a.hash, a.prev_hash, audit_log_digest(a) AS expected,
                lag(a.hash) OVER w AS previous_hash, lag(a.seq) OVER w AS previous_seq
           FROM audit_log a WHERE a.chain = :chain
         WINDOW w AS (ORDER BY a.seq)
       ), broken AS (
         SELECT id, seq,
                CASE WHEN seq <> coalesce(previous_seq, 0) + 1 THEN 'gap in sequence'
                     WHEN hash <> expected THEN 'hash mismatch'
                     WHEN prev_hash <> coalesce(previous_hash, repeat('0', 64)) THEN 'link mismatch'
                END AS reason
           FROM rows
       )
       SELECT (SELECT count(*) FROM rows)::text AS checked, b.id::text AS id, b.seq::text AS seq, b.reason
         FROM (SELECT 1) one
         LEFT JOIN LATERAL (SELECT * FROM broken WHERE reason IS NOT NULL ORDER BY seq LIMIT 1) b ON true`,
      { replacements: { chain }, type: QueryTypes.SELECT },
    );
    const firstBroken = summary?.id ? { id: summary.id, seq: summary.seq!, reason: summary.reason } : null;
    return { chain, rowsChecked: Number(summary?.checked ?? 0), valid: firstBroken === null, firstBroken };
  }

  async verifyAll(): Promise<ChainVerification[]> {
    const results: ChainVerification[] = [];
    for (const chain of await this.chains()) results.push(await this.verifyChain(chain));
    return results;
  }
}
