/**
 * The report_results table: a queued report's request, progress and PDF. Every query names the
 * organization, and the requester's reads the requester too. Whether a report has expired is
 * decided by the database's clock; purgeExpired deletes what has.
 */
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import type { ReportStatus } from '../../infrastructure/jobs/processors/reportGenerationProcessor.js';

export interface StoredReport {
  id: string;
  organizationId: string;
  requestedBy: string;
  reportType: string;
  parameters: Record<string, unknown>;
  status: ReportStatus;
  filename: string | null;
  /** Why it failed, as the requester may read it. */
  error: string | null;
  createdAt: Date;
  completedAt: Date | null;
  expiresAt: Date | null;
  expired: boolean;
}

export interface NewReport {
  organizationId: string;
  requestedBy: string;
  reportType: string;
  parameters: Record<string, unknown>;
}

const COLUMNS = `id, organization_id AS "organizationId", requested_by AS "requestedBy",
  report_type AS "reportType", parameters, status, filename, error, created_at AS "createdAt",
  completed_at AS "completedAt", expires_at AS "expiresAt", coalesce(expires_at <= now(), false) AS expired`;

const OWN = 'id = :id AND organization_id = :organizationId AND requested_by = :requestedBy';

/** A queued report whose job never ran (lost with Redis, say) is given up after a day. */
const ABANDONED_AFTER = `interval '1 day'`;

export class ReportStore {
  constructor(private readonly sequelize: Sequelize) {}

  async create(report: NewReport, transaction?: Transaction): Promise<StoredReport> {
    const [row] = await this.sequelize.query<StoredReport>(
      `INSERT INTO report_results (organization_id, requested_by, report_type, parameters)
       VALUES (:organizationId, :requestedBy, :reportType, CAST(:parameters AS jsonb))
       RETURNING ${COLUMNS}`,
      {
        replacements: { ...report, parameters: JSON.stringify(report.parameters) },
        type: QueryTypes.SELECT,
        transaction,
      },
    );
    return row!;
  }

  async findOwn(organizationId: string, requestedBy: string, id: string): Promise<StoredReport | null> {
    const [row] = await this.sequelize.query<StoredReport>(
      `SELECT ${COLUMNS} FROM report_results WHERE ${OWN}`,
      {
        replacements: { organizationId, requestedBy, id },
        type: QueryTypes.SELECT,
      },
    );
    return row ?? null;
  }

  async findFile(
    organizationId: string,
    requestedBy: string,
    id: string,
  ): Promise<(StoredReport & { pdf: Buffer | null }) | null> {
    const [row] = await this.sequelize.query<StoredReport & { pdf: Buffer | null }>(
      `SELECT ${COLUMNS}, pdf FROM report_results WHERE ${OWN}`,
      { replacements: { organizationId, requestedBy, id }, type: QueryTypes.SELECT },
    );
    return row ?? null;
  }

  /**
   * Marks the report running (from queued, from running again after a crash, or from failed
   * when an admin retries the job) and returns it; a completed one is returned as it is. Null
   * when it is gone or expired.
   */
  async start(organizationId: string, requestedBy: string, id: string): Promise<StoredReport | null> {
    const [started] = await this.sequelize.query<StoredReport>(
      `UPDATE report_results
          SET status = 'running', error = NULL, completed_at = NULL, expires_at = NULL
        WHERE ${OWN} AND status <> 'completed' AND (expires_at IS NULL OR expires_at > now())
        RETURNING ${COLUMNS}`,
      { replacements: { organizationId, requestedBy, id }, type: QueryTypes.SELECT },
    );
    if (started) return started;
    const report = await this.findOwn(organizationId, requestedBy, id);
    return report && !report.expired ? report : null;
  }

  /** Stores the PDF and completes the report in one statement; a completed report is left alone. */
  async complete(
    organizationId: string,
    id: string,
    file: { pdf: Buffer; filename: string },
    ttlMinutes: number,
  ): Promise<void> {
    // Bound, not interpolated: the PDF travels as binary rather than as a hex literal in the SQL.
    await this.sequelize.query(
      `UPDATE report_results
          SET status = 'completed', pdf = $pdf, filename = $filename, error = NULL,
              completed_at = now(), expires_at = now() + make_interval(mins => $ttl::int)
        WHERE id = $id AND organization_id = $organizationId AND status <> 'completed'`,
      { bind: { id, organizationId, pdf: file.pdf, filename: file.filename, ttl: ttlMinutes } },
    );
  }

  async fail(organizationId: string, id: string, message: string, ttlMinutes: number): Promise<void> {
    await this.sequelize.query(
      `UPDATE report_results
          SET status = 'failed', error = :message, pdf = NULL, filename = NULL,
              completed_at = now(), expires_at = now() + make_interval(mins => :ttl)
        WHERE id = :id AND organization_id = :organizationId AND status <> 'completed'`,
      { replacements: { id, organizationId, message: message.slice(0, 500), ttl: ttlMinutes } },
    );
  }

  async remove(organizationId: string, id: string): Promise<void> {
    await this.sequelize.query(
      'DELETE FROM report_results WHERE id = :id AND organization_id = :organizationId',
      {
        replacements: { id, organizationId },
      },
    );
  }

  /** Deletes every expired report (of any organization: a PDF kept past its time helps nobody). */
  async purgeExpired(): Promise<void> {
    await this.sequelize.query(
      `DELETE FROM report_results
        WHERE expires_at <= now() OR (expires_at IS NULL AND created_at < now() - ${ABANDONED_AFTER})`,
    );
  }
}
