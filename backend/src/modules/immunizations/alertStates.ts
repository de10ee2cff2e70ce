/** The last status the alert job computed for each student of an organization. */
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import type { AlertState, StatusChange } from './complianceTransitions.js';
import type { ComplianceStatus } from './engine/evaluateCompliance.js';

export async function loadAlertStates(
  sequelize: Sequelize,
  organizationId: string,
  transaction: Transaction,
): Promise<Map<string, AlertState>> {
  const rows = await sequelize.query<{ studentId: string; status: ComplianceStatus; transitions: number }>(
    `SELECT student_id AS "studentId", status, transitions FROM immunization_alert_states
      WHERE organization_id = :organizationId`,
    { replacements: { organizationId }, type: QueryTypes.SELECT, transaction },
  );
  return new Map(rows.map((r) => [r.studentId, { status: r.status, transitions: r.transitions }]));
}

/** One statement for all changes; never moves a state back to an older change count. */
export async function saveAlertStates(
  sequelize: Sequelize,
  organizationId: string,
  changes: readonly StatusChange[],
  transaction: Transaction,
): Promise<void> {
  if (changes.length === 0) return;
  await sequelize.query(
    `INSERT INTO immunization_alert_states (organization_id, student_id, status, transitions)
     SELECT :organizationId, u.student_id, u.status, u.transitions
       FROM unnest(ARRAY[:studentIds]::uuid[], ARRAY[:statuses]::text[], ARRAY[:transitions]::int[])
            AS u (student_id, status, transitions)
     ON CONFLICT (organization_id, student_id) DO UPDATE
        SET status = EXCLUDED.status, transitions = EXCLUDED.transitions, changed_at = now()
      WHERE immunization_alert_states.transitions < EXCLUDED.transitions`,
    {
      replacements: {
        organizationId,
        studentIds: changes.map((c) => c.studentId),
        statuses: changes.map((c) => c.status),
        transitions: changes.map((c) => c.transitions),
      },
      transaction,
    },
  );
}
