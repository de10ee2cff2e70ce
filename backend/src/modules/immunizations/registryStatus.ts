/**
 * An immunization's standing with the state registry, as the nurse sees it: the latest
 * submission's status, the registry's acknowledgement code and its error text. A record
 * imported from the registry is IMPORTED (it came from there, nothing to send); one never
 * sent has no registry status (null).
 */
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import type { RegistrySubmissionStatus } from './models.js';

export type RegistryStatus = RegistrySubmissionStatus | 'IMPORTED';

export interface RegistryStatusView {
  status: RegistryStatus;
  /** MSA-1 of the registry's ACK (AA, AE, AR...), null until answered or when not sent. */
  ackCode: string | null;
  /** What the registry said was wrong (ERR), or why the record could not be sent. */
  errorText?: string | null;
  submittedAt: Date | null;
}

interface LatestRow {
  immunizationId: string;
  status: RegistrySubmissionStatus;
  ackCode: string | null;
  errorText: string | null;
  submittedAt: Date;
}

/** The latest submission of each immunization (by id), within the organization. */
export async function latestRegistryStatuses(
  sequelize: Sequelize,
  organizationId: string,
  immunizationIds: readonly string[],
  transaction?: Transaction,
): Promise<Map<string, RegistryStatusView>> {
  if (immunizationIds.length === 0) return new Map();
  const rows = await sequelize.query<LatestRow>(
    `SELECT DISTINCT ON (immunization_id)
            immunization_id AS "immunizationId", status, ack_code AS "ackCode",
            error_text AS "errorText", submitted_at AS "submittedAt"
       FROM immunization_registry_submissions
      WHERE organization_id = :organizationId AND immunization_id IN (:immunizationIds)
      ORDER BY immunization_id, created_at DESC, id DESC`,
    { replacements: { organizationId, immunizationIds }, type: QueryTypes.SELECT, transaction },
  );
  return new Map(
    rows.map((r) => [
      r.immunizationId,
      { status: r.status, ackCode: r.ackCode, errorText: r.errorText, submittedAt: r.submittedAt },
    ]),
  );
}

/** The registry status shown for one record, from its latest submission (if any). */
export function registryStatusOf(
  latest: RegistryStatusView | undefined,
  importedFromRegistryAt: Date | null,
): RegistryStatusView | null {
  if (latest) return latest;
  if (importedFromRegistryAt)
    return { status: 'IMPORTED', ackCode: null, errorText: null, submittedAt: null };
  return null;
}
