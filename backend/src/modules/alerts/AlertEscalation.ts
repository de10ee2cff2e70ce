/**
 * Escalation: an open alert nobody acknowledged within the configured time is broadcast
 * again with `escalated: true`, exactly once across replicas. Every replica may schedule the
 * same alert; the conditional UPDATE below is the claim, and only its winner broadcasts.
 */
import { QueryTypes, type Sequelize } from 'sequelize';
import type { AuditService } from '../audit/index.js';
import type { AlertFanout } from './AlertFanout.js';
import { selectAlerts } from './alertQueries.js';
import { EscalationScheduler } from './EscalationScheduler.js';

export const ALERT_ENTITY = 'emergency_alert';

interface EscalationDeps {
  sequelize: Sequelize;
  audit: () => AuditService;
  fanout: AlertFanout;
  delayMs: number;
  logError: (what: string, error: unknown) => void;
}

export class AlertEscalation {
  private readonly scheduler: EscalationScheduler;

  constructor(private readonly deps: EscalationDeps) {
    this.scheduler = new EscalationScheduler(deps.delayMs, (id) => this.escalate(id));
  }

  schedule(alertId: string, createdAt: Date): void {
    this.scheduler.schedule(alertId, createdAt);
  }

  cancel(alertId: string): void {
    this.scheduler.cancel(alertId);
  }

  stop(): void {
    this.scheduler.stopAll();
  }

  /** On start: every alert still waiting for escalation gets a timer, so a restart loses none. */
  async resumePending(): Promise<number> {
    const rows = await this.deps.sequelize.query<{ id: string; createdAt: Date }>(
      `SELECT a.id, a.created_at AS "createdAt" FROM emergency_alerts a
        WHERE a.status = 'OPEN' AND a.escalated_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM alert_acknowledgements k WHERE k.alert_id = a.id)`,
      { type: QueryTypes.SELECT },
    );
    for (const row of rows) this.schedule(row.id, new Date(row.createdAt));
    return rows.length;
  }

  /** Claims the escalation; broadcasts only if this replica won the claim. */
  async escalate(alertId: string): Promise<boolean> {
    try {
      const claimed = await this.deps.sequelize.transaction(async (transaction) => {
        const rows = await this.deps.sequelize.query<{ organizationId: string; studentId: string | null }>(
          `UPDATE emergency_alerts a SET escalated_at = now(), updated_at = now()
            WHERE a.id = :alertId AND a.escalated_at IS NULL AND a.status = 'OPEN'
              AND NOT EXISTS (SELECT 1 FROM alert_acknowledgements k WHERE k.alert_id = a.id)
           RETURNING a.organization_id AS "organizationId", a.student_id AS "studentId"`,
          { replacements: { alertId }, type: QueryTypes.SELECT, transaction },
        );
        const row = rows[0];
        if (!row) return null;
        await this.deps.audit().record(
          {
            organizationId: row.organizationId,
            userId: null,
            action: 'emergency_alert.escalate',
            entityType: ALERT_ENTITY,
            entityId: alertId,
            details: row.studentId ? { studentId: row.studentId } : {},
          },
          transaction,
        );
        return row;
      });
      if (!claimed) return false;
      const [alert] = await selectAlerts(this.deps.sequelize, claimed.organizationId, {
        kind: 'id',
        id: alertId,
      });
      if (alert) this.deps.fanout.broadcastAlert(claimed.organizationId, alert);
      return true;
    } catch (error) {
      // A timer firing while the server stops, or the database away: the next start resumes it.
      this.deps.logError('alert escalation', error);
      return false;
    }
  }
}
