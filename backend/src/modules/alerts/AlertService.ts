/**
 * Emergency alerts of one organization: raise, list, acknowledge, resolve, and the replay a
 * socket gets on connect. Every query is scoped to the caller's organization, every read and
 * write is audited (writes in their transaction), and the broadcast, notifications and
 * escalation timer follow only after the commit, so nobody is told about an alert that
 * was never saved.
 */
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import type { Actor } from '../../infrastructure/http/actor.js';
import { AppError } from '../../infrastructure/http/AppError.js';
import type { AlertMetrics } from '../../infrastructure/monitoring/metrics.js';
import type { EmergencyAlertPayload } from '../../infrastructure/websocket/events.js';
import type { SocketIdentity } from '../../infrastructure/websocket/realtime.js';
import type { AuditService } from '../audit/index.js';
import type { StudentService } from '../students/index.js';
import { ALERT_ENTITY, type AlertEscalation } from './AlertEscalation.js';
import type { AlertFanout } from './AlertFanout.js';
import { insertAlert, selectAlerts } from './alertQueries.js';
import type { AlertModels, AlertType, EmergencyAlertAttributes } from './models.js';
import { alertForRole } from './views.js';

export interface RaiseAlertInput {
  type: AlertType;
  severity: EmergencyAlertAttributes['severity'];
  location: string;
  description: string;
  studentId?: string | null;
}

export interface AlertQuery {
  status: 'open' | 'resolved' | 'all';
  limit: number;
}

/** How many unacknowledged alerts a (re)connecting socket is sent at most. */
const REPLAY_LIMIT = 100;

export interface AlertServiceDeps {
  models: AlertModels;
  sequelize: Sequelize;
  audit: () => AuditService;
  students: () => StudentService;
  fanout: AlertFanout;
  escalation: AlertEscalation;
  metrics?: AlertMetrics;
}

function studentDetails(alert: { studentId?: string | null }): Record<string, unknown> | undefined {
  return alert.studentId ? { studentId: alert.studentId } : undefined;
}

export class AlertService {
  constructor(private readonly deps: AlertServiceDeps) {}

  async raise(actor: Actor, input: RaiseAlertInput): Promise<EmergencyAlertPayload> {
    const { sequelize } = this.deps;
    const alert = await sequelize.transaction(async (transaction) => {
      if (input.studentId) {
        await this.deps.students().assertExists(actor.organizationId, input.studentId, transaction);
      }
      const raised = await insertAlert(
        sequelize,
        {
          organizationId: actor.organizationId,
          type: input.type,
          severity: input.severity,
          location: input.location,
          description: input.description,
          studentId: input.studentId ?? null,
          raisedBy: actor.userId,
        },
        transaction,
      );
      await this.deps
        .audit()
        .recordFor(
          actor,
          'emergency_alert.raise',
          { type: ALERT_ENTITY, id: raised.id },
          studentDetails(raised),
          transaction,
        );
      return raised;
    });
    this.deps.escalation.schedule(alert.id, new Date(alert.createdAt));
    this.deps.fanout.broadcastAlert(actor.organizationId, alert);
    this.deps.metrics?.alertSent(alert.severity);
    await this.deps.fanout.notifyStaff(actor.organizationId, alert);
    return alertForRole(alert, actor.role);
  }

  async list(actor: Actor, query: AlertQuery): Promise<{ data: EmergencyAlertPayload[] }> {
    const status = ({ open: 'OPEN', resolved: 'RESOLVED', all: 'ALL' } as const)[query.status];
    const alerts = await selectAlerts(this.deps.sequelize, actor.organizationId, {
      kind: 'status',
      status,
      limit: query.limit,
    });
    await this.deps.audit().recordFor(
      actor,
      'emergency_alert.list',
      { type: ALERT_ENTITY },
      {
        resultCount: alerts.length,
        alertIds: alerts.map((a) => a.id),
        studentIds: [...new Set(alerts.flatMap((a) => (a.studentId ? [a.studentId] : [])))],
      },
    );
    return { data: alerts.map((a) => alertForRole(a, actor.role)) };
  }

  /** "I have seen it". Idempotent per user: a second acknowledgement keeps the first time. */
  async acknowledge(actor: Actor, alertId: string): Promise<EmergencyAlertPayload> {
    const { sequelize } = this.deps;
    const { alert, isNew } = await sequelize.transaction(async (transaction) => {
      const existing = await this.findForUpdate(actor.organizationId, alertId, transaction);
      if (existing.status === 'RESOLVED') {
        throw new AppError(422, 'A resolved alert can no longer be acknowledged');
      }
      const inserted = await sequelize.query(
        `INSERT INTO alert_acknowledgements (alert_id, organization_id, user_id)
         VALUES (:alertId, :organizationId, :userId)
         ON CONFLICT (alert_id, user_id) DO NOTHING RETURNING alert_id`,
        {
          replacements: { alertId, organizationId: actor.organizationId, userId: actor.userId },
          type: QueryTypes.SELECT,
          transaction,
        },
      );
      await this.deps
        .audit()
        .recordFor(
          actor,
          'emergency_alert.acknowledge',
          { type: ALERT_ENTITY, id: alertId },
          { ...studentDetails(existing), alreadyAcknowledged: inserted.length === 0 },
          transaction,
        );
      return {
        alert: await this.load(actor.organizationId, alertId, transaction),
        isNew: inserted.length > 0,
      };
    });
    if (isNew) {
      // Acknowledged: escalation can no longer win its claim, so this replica's timer can go.
      this.deps.escalation.cancel(alertId);
      this.deps.metrics?.alertAcknowledged(alert.severity);
      const acknowledgement = alert.acknowledgements.find((a) => a.userId === actor.userId);
      if (acknowledgement) {
        this.deps.fanout.broadcastAcknowledged(actor.organizationId, { alertId, acknowledgement });
      }
    }
    return alertForRole(alert, actor.role);
  }

  async resolve(actor: Actor, alertId: string): Promise<EmergencyAlertPayload> {
    const alert = await this.deps.sequelize.transaction(async (transaction) => {
      const existing = await this.findForUpdate(actor.organizationId, alertId, transaction);
      if (existing.status === 'RESOLVED') throw new AppError(422, 'The alert is already resolved');
      await this.deps.models.EmergencyAlert.update(
        { status: 'RESOLVED', resolvedAt: new Date(), resolvedBy: actor.userId },
        { where: { id: alertId, organizationId: actor.organizationId }, transaction },
      );
      await this.deps
        .audit()
        .recordFor(
          actor,
          'emergency_alert.resolve',
          { type: ALERT_ENTITY, id: alertId },
          studentDetails(existing),
          transaction,
        );
      return this.load(actor.organizationId, alertId, transaction);
    });
    this.deps.escalation.cancel(alertId);
    return alertForRole(alert, actor.role);
  }

  /** Open alerts this user has not acknowledged, oldest first: replayed on every socket connect. */
  async openAlertsFor(identity: SocketIdentity): Promise<EmergencyAlertPayload[]> {
    const alerts = await selectAlerts(this.deps.sequelize, identity.organizationId, {
      kind: 'unacknowledgedBy',
      userId: identity.userId,
      limit: REPLAY_LIMIT,
    });
    if (alerts.length === 0) return [];
    const actor: Actor = {
      userId: identity.userId,
      organizationId: identity.organizationId,
      role: identity.role,
      ip: null,
      userAgent: null,
    };
    await this.deps
      .audit()
      .recordFor(
        actor,
        'emergency_alert.replay',
        { type: ALERT_ENTITY },
        { resultCount: alerts.length, alertIds: alerts.map((a) => a.id) },
      );
    return alerts.map((a) => alertForRole(a, identity.role));
  }

  /** Schedules escalation for every alert still waiting for it (on start, or a replica joining). */
  resumeEscalations(): Promise<number> {
    return this.deps.escalation.resumePending();
  }

  private async findForUpdate(organizationId: string, id: string, transaction: Transaction) {
    const alert = await this.deps.models.EmergencyAlert.findOne({
      where: { id, organizationId },
      transaction,
      lock: transaction.LOCK.UPDATE,
    });
    if (!alert) throw AppError.notFound('Alert');
    return alert;
  }

  private async load(organizationId: string, id: string, transaction?: Transaction) {
    const [alert] = await selectAlerts(this.deps.sequelize, organizationId, { kind: 'id', id }, transaction);
    if (!alert) throw AppError.notFound('Alert');
    return alert;
  }
}
