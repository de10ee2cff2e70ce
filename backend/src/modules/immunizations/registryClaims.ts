/**
 * Which immunizations go to the state registry, and the claim that makes sending them
 * idempotent. Before anything is sent, a worker claims the immunization by writing a PENDING
 * submission row with a fresh control id (MSH-10), in a transaction that locks the
 * immunization. The ACK later settles that row. So:
 * - a crash after the claim leaves the PENDING row: a retry of the same job, or any run once
 *   the claim is `STALE_CLAIM_MINUTES` old, sends it again with the SAME control id, which
 *   the registry treats as the same message; nothing is ever sent under two control ids;
 * - a younger claim of another job means someone is sending it now: it is left alone;
 * - ACCEPTED is final; ERROR / REJECTED are sent again (as a new message) once the record or
 *   the student was edited after the failed attempt, or when a nurse asks for that record.
 */
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { newControlId } from '../../integrations/clients/StateRegistryClient.js';
import type { RegistrySubmissionStatus } from './models.js';

/** Longer than any send can take (timeouts, retries and rate-limit waits included). */
export const STALE_CLAIM_MINUTES = 5;

/** The most immunizations one export considers; the rest wait for the next run. */
const MAX_CANDIDATES = 5_000;

export interface SubmissionScope {
  organizationId: string;
  studentId?: string;
  immunizationIds?: readonly string[];
}

export interface ClaimContext {
  /** The job claiming: a retry of the same job may re-send its own claims at once. */
  jobId: string;
  requestedBy?: string;
  /** A nurse chose these records: ones that failed are sent again even if unchanged. */
  explicit: boolean;
}

export interface Claim {
  submissionId: string;
  controlId: string;
  attempts: number;
  /** True when this re-sends an earlier claim's message (same control id). */
  resent: boolean;
}

export interface LatestSubmission {
  status: RegistrySubmissionStatus;
  claimedBy: string | null;
  /** The claim is older than STALE_CLAIM_MINUTES (by the database's clock). */
  stale: boolean;
  /** The immunization or its student changed after this submission was sent. */
  editedSince: boolean;
}

export type ClaimDecision = 'new' | 'resend' | 'skip';

export interface SubmissionOutcome {
  status: Exclude<RegistrySubmissionStatus, 'PENDING'>;
  ackCode: string | null;
  errorText: string | null;
}

export function claimDecision(latest: LatestSubmission | null, context: ClaimContext): ClaimDecision {
  if (!latest) return 'new';
  switch (latest.status) {
    case 'ACCEPTED':
      return 'skip';
    case 'PENDING':
      return latest.claimedBy === context.jobId || latest.stale ? 'resend' : 'skip';
    default:
      return context.explicit || latest.editedSince ? 'new' : 'skip';
  }
}

const LATEST_SUBMISSION = `
  LEFT JOIN LATERAL (
    SELECT r.id, r.status, r.claimed_by, r.control_id, r.attempts, r.submitted_at
      FROM immunization_registry_submissions r
     WHERE r.immunization_id = i.id AND r.organization_id = i.organization_id
     ORDER BY r.created_at DESC, r.id DESC
     LIMIT 1
  ) latest ON true`;

interface ClaimRow {
  submissionId: string | null;
  status: RegistrySubmissionStatus | null;
  claimedBy: string | null;
  controlId: string | null;
  attempts: number | null;
  stale: boolean | null;
  editedSince: boolean | null;
}

export class RegistryClaims {
  constructor(private readonly sequelize: Sequelize) {}

  /** Immunizations in scope that may need sending (the claim decides for each). */
  async candidates(scope: SubmissionScope): Promise<string[]> {
    const rows = await this.sequelize.query<{ id: string }>(
      `SELECT i.id
         FROM student_immunizations i
         ${LATEST_SUBMISSION}
        WHERE i.organization_id = :organizationId
          AND i.imported_from_registry_at IS NULL
          AND (latest.status IS NULL OR latest.status <> 'ACCEPTED')
          ${scope.studentId ? 'AND i.student_id = :studentId' : ''}
          ${scope.immunizationIds ? 'AND i.id IN (:immunizationIds)' : ''}
        ORDER BY i.student_id, i.administered_on, i.id
        LIMIT ${MAX_CANDIDATES}`,
      {
        replacements: {
          organizationId: scope.organizationId,
          studentId: scope.studentId ?? null,
          immunizationIds: scope.immunizationIds ?? [],
        },
        type: QueryTypes.SELECT,
      },
    );
    return rows.map((r) => r.id);
  }

  /** Claims one immunization for sending; null when it needs nothing or another worker holds it. */
  async claim(organizationId: string, immunizationId: string, context: ClaimContext): Promise<Claim | null> {
    return this.sequelize.transaction(async (transaction) => {
      const [row] = await this.sequelize.query<ClaimRow>(
        `SELECT latest.id AS "submissionId", latest.status, latest.claimed_by AS "claimedBy",
                latest.control_id AS "controlId", latest.attempts,
                latest.submitted_at < now() - make_interval(mins => :staleMinutes) AS stale,
                GREATEST(i.updated_at, s.updated_at) > latest.submitted_at AS "editedSince"
           FROM student_immunizations i
           JOIN students s ON s.id = i.student_id AND s.organization_id = i.organization_id
           ${LATEST_SUBMISSION}
          WHERE i.id = :immunizationId AND i.organization_id = :organizationId
            AND i.imported_from_registry_at IS NULL
            FOR UPDATE OF i`,
        {
          replacements: { organizationId, immunizationId, staleMinutes: STALE_CLAIM_MINUTES },
          type: QueryTypes.SELECT,
          transaction,
        },
      );
      if (!row) return null;
      const latest: LatestSubmission | null =
        row.status === null
          ? null
          : {
              status: row.status,
              claimedBy: row.claimedBy,
              stale: row.stale === true,
              editedSince: row.editedSince === true,
            };
      const decision = claimDecision(latest, context);
      if (decision === 'skip') return null;

      if (decision === 'resend') {
        const [resent] = await this.sequelize.query<{ attempts: number }>(
          `UPDATE immunization_registry_submissions
              SET attempts = attempts + 1, submitted_at = now(), claimed_by = :jobId
            WHERE id = :submissionId AND status = 'PENDING'
            RETURNING attempts`,
          {
            replacements: { submissionId: row.submissionId, jobId: context.jobId },
            type: QueryTypes.SELECT,
            transaction,
          },
        );
        if (!resent || !row.submissionId || !row.controlId) return null;
        return {
          submissionId: row.submissionId,
          controlId: row.controlId,
          attempts: resent.attempts,
          resent: true,
        };
      }

      const [created] = await this.sequelize.query<{ id: string; controlId: string }>(
        `INSERT INTO immunization_registry_submissions
                (organization_id, immunization_id, control_id, claimed_by, requested_by)
         VALUES (:organizationId, :immunizationId, :controlId, :jobId, :requestedBy)
         RETURNING id, control_id AS "controlId"`,
        {
          replacements: {
            organizationId,
            immunizationId,
            controlId: newControlId(),
            jobId: context.jobId,
            requestedBy: context.requestedBy ?? null,
          },
          type: QueryTypes.SELECT,
          transaction,
        },
      );
      if (!created) throw new Error('The submission claim returned no row');
      return { submissionId: created.id, controlId: created.controlId, attempts: 1, resent: false };
    });
  }

  /** Settles a claim with the registry's answer (or why it was not sent); false if already settled. */
  async settle(
    organizationId: string,
    submissionId: string,
    outcome: SubmissionOutcome,
    transaction?: Transaction,
  ): Promise<boolean> {
    const rows = await this.sequelize.query<{ id: string }>(
      `UPDATE immunization_registry_submissions
          SET status = :status, ack_code = :ackCode, error_text = :errorText, acknowledged_at = now()
        WHERE id = :submissionId AND organization_id = :organizationId AND status = 'PENDING'
        RETURNING id`,
      {
        replacements: {
          organizationId,
          submissionId,
          status: outcome.status,
          ackCode: outcome.ackCode,
          errorText: outcome.status === 'ACCEPTED' ? null : outcome.errorText,
        },
        type: QueryTypes.SELECT,
        transaction,
      },
    );
    return rows.length > 0;
  }
}
