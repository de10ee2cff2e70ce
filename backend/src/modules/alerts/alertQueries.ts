/**
 * Reads alerts as the payload every client sees: the raiser's and the student's names and
 * every acknowledgement, in one query. Always scoped to one organization. A new alert is
 * inserted and read back in the same statement: raising one is on the way to every screen.
 */
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import type { AlertAcknowledgement, EmergencyAlertPayload } from '../../infrastructure/websocket/events.js';

export type AlertFilter =
  | { kind: 'id'; id: string }
  | { kind: 'status'; status: 'OPEN' | 'RESOLVED' | 'ALL'; limit: number }
  /**
   * Replay: open alerts this user has not acknowledged yet, oldest first. Beyond `limit`, the
   * newest win: a socket reconnecting after a replica restart has missed the latest alerts.
   */
  | { kind: 'unacknowledgedBy'; userId: string; limit: number };

interface AlertRow {
  id: string;
  type: string;
  severity: EmergencyAlertPayload['severity'];
  location: string;
  description: string;
  studentId: string | null;
  studentName: string | null;
  raisedById: string;
  raisedByName: string;
  createdAt: Date;
  status: EmergencyAlertPayload['status'];
  escalated: boolean;
  acknowledgements: Array<{ userId: string; userName: string; acknowledgedAt: string }>;
}

/** The payload of every alert row in `source` (a table, or a CTE of inserted rows). */
const selectFrom = (source: string) => `
  SELECT a.id, a.type, a.severity, a.location, a.description,
         a.student_id AS "studentId",
         CASE WHEN s.id IS NULL THEN NULL ELSE s.first_name || ' ' || s.last_name END AS "studentName",
         a.raised_by AS "raisedById", u.name AS "raisedByName",
         a.created_at AS "createdAt", a.status, a.escalated_at IS NOT NULL AS escalated,
         COALESCE((
           SELECT json_agg(json_build_object('userId', k.user_id, 'userName', ku.name,
                                             'acknowledgedAt', k.acknowledged_at)
                           ORDER BY k.acknowledged_at, k.user_id)
             FROM alert_acknowledgements k
             JOIN users ku ON ku.id = k.user_id AND ku.organization_id = k.organization_id
            WHERE k.alert_id = a.id AND k.organization_id = a.organization_id
         ), '[]'::json) AS acknowledgements
    FROM ${source} a
    JOIN users u ON u.id = a.raised_by AND u.organization_id = a.organization_id
    LEFT JOIN students s ON s.id = a.student_id AND s.organization_id = a.organization_id
   WHERE a.organization_id = :organizationId`;

const SELECT = selectFrom('emergency_alerts');

function clauseFor(filter: AlertFilter): { sql: string; replacements: Record<string, unknown> } {
  switch (filter.kind) {
    case 'id':
      return { sql: 'AND a.id = :id', replacements: { id: filter.id } };
    case 'status':
      return {
        sql: `${filter.status === 'ALL' ? '' : 'AND a.status = :status'}
              ORDER BY a.created_at DESC, a.id LIMIT :limit`,
        replacements: { status: filter.status, limit: filter.limit },
      };
    case 'unacknowledgedBy':
      return {
        sql: `AND a.status = 'OPEN'
              AND NOT EXISTS (SELECT 1 FROM alert_acknowledgements k
                               WHERE k.alert_id = a.id AND k.user_id = :userId)
              ORDER BY a.created_at DESC, a.id DESC LIMIT :limit`,
        replacements: { userId: filter.userId, limit: filter.limit },
      };
  }
}

function toPayload(row: AlertRow): EmergencyAlertPayload {
  const acknowledgements: AlertAcknowledgement[] = row.acknowledgements.map((k) => ({
    userId: k.userId,
    userName: k.userName,
    // json_build_object renders timestamptz as "+00:00"; the contract says ISO 8601 UTC.
    acknowledgedAt: new Date(k.acknowledgedAt).toISOString(),
  }));
  return {
    id: row.id,
    type: row.type,
    severity: row.severity,
    location: row.location,
    description: row.description,
    studentId: row.studentId,
    studentName: row.studentName,
    raisedBy: { userId: row.raisedById, name: row.raisedByName },
    createdAt: new Date(row.createdAt).toISOString(),
    status: row.status,
    escalated: row.escalated,
    acknowledgements,
  };
}

export async function selectAlerts(
  sequelize: Sequelize,
  organizationId: string,
  filter: AlertFilter,
  transaction?: Transaction,
): Promise<EmergencyAlertPayload[]> {
  const clause = clauseFor(filter);
  const rows = await sequelize.query<AlertRow>(`${SELECT} ${clause.sql}`, {
    replacements: { organizationId, ...clause.replacements },
    type: QueryTypes.SELECT,
    transaction,
  });
  const alerts = rows.map(toPayload);
  // Selected newest first to keep the newest; replayed in the order they were raised.
  return filter.kind === 'unacknowledgedBy' ? alerts.reverse() : alerts;
}

export interface NewAlert {
  organizationId: string;
  type: string;
  severity: EmergencyAlertPayload['severity'];
  location: string;
  description: string;
  studentId: string | null;
  raisedBy: string;
}

/**
 * Inserts an alert (id, status and times from the table's defaults) and returns its payload,
 * in one round trip instead of an ORM insert and a read: the broadcast waits for this.
 */
export async function insertAlert(
  sequelize: Sequelize,
  alert: NewAlert,
  transaction: Transaction,
): Promise<EmergencyAlertPayload> {
  const [row] = await sequelize.query<AlertRow>(
    `WITH inserted AS (
       INSERT INTO emergency_alerts
              (organization_id, type, severity, location, description, student_id, raised_by)
       VALUES (:organizationId, :type, :severity, :location, :description, :studentId, :raisedBy)
       RETURNING *)
     ${selectFrom('inserted')}`,
    { replacements: { ...alert }, type: QueryTypes.SELECT, transaction },
  );
  // The raiser's row is guaranteed by the foreign key, so the join always finds it.
  if (!row) throw new Error('the inserted alert was not read back');
  return toPayload(row);
}
