/**
 * The nightly immunization alerts of one organization: recomputes every active student's
 * compliance, then, in one transaction, notifies the organization's nurses of the students
 * newly DUE or OVERDUE and of exemptions expiring soon, and records the new statuses.
 *
 * Idempotent: each notice carries a dedupe key (student, status and change count; exemption
 * and expiry date), and the statuses are recorded in the same transaction as the notices, so
 * a crash before the commit leaves nothing behind and a retry after it finds nothing new.
 * Pushes wait for the commit (NotificationService). Runs of one organization are serialized.
 */
import type { Sequelize, Transaction } from 'sequelize';
import type { ImmunizationAlertSummary } from '../../infrastructure/jobs/processors/immunizationAlertProcessor.js';
import type { AuditService } from '../audit/index.js';
import type { NotificationInput } from '../notifications/index.js';
import { complianceNotice, exemptionNotice } from './alertNotices.js';
import { loadAlertStates, saveAlertStates } from './alertStates.js';
import { complianceTransitions } from './complianceTransitions.js';
import { expiringExemptionKey, expiringExemptions } from './expiringExemptions.js';
import { evaluateCohort } from './organizationCompliance.js';
import type { RuleSetService } from './RuleSetService.js';
import { todayUtc } from './schemas.js';

export interface AlertNotifier {
  /** Active NURSE users of the organization. */
  nurseIds(organizationId: string): Promise<string[]>;
  createOnce(
    organizationId: string,
    userIds: readonly string[],
    dedupeKey: string,
    input: NotificationInput,
    transaction?: Transaction,
  ): Promise<number>;
}

export interface ImmunizationAlertDependencies {
  sequelize: Sequelize;
  ruleSets: Pick<RuleSetService, 'activeFor'>;
  audit: () => Pick<AuditService, 'record'>;
  notifier: () => AlertNotifier;
}

export class ImmunizationAlertService {
  constructor(private readonly deps: ImmunizationAlertDependencies) {}

  async alertOrganization(
    organizationId: string,
    daysAhead: number,
    asOf = todayUtc(),
  ): Promise<ImmunizationAlertSummary> {
    const { sequelize } = this.deps;
    const notifier = this.deps.notifier();
    const { ruleSet } = await this.deps.ruleSets.activeFor(organizationId);
    const [students, expiring, nurses] = await Promise.all([
      evaluateCohort(sequelize, ruleSet, { organizationId, asOf }),
      expiringExemptions(sequelize, organizationId, asOf, daysAhead),
      notifier.nurseIds(organizationId),
    ]);

    return sequelize.transaction(async (transaction) => {
      // Two runs of one organization (a retry overlapping a manual run) take turns.
      await sequelize.query('SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))', {
        replacements: { key: `immunization-alerts:${organizationId}` },
        transaction,
      });
      const previous = await loadAlertStates(sequelize, organizationId, transaction);
      const { changes, alerts } = complianceTransitions(students, previous);
      let notifications = 0;
      // Audited when nurses are told (a disclosure of the student's status); a notice whose
      // key was taken already told nobody anything new.
      for (const alert of alerts) {
        const created = await notifier.createOnce(
          organizationId,
          nurses,
          alert.dedupeKey,
          complianceNotice(alert),
          transaction,
        );
        if (created > 0)
          await this.audit(organizationId, alert.student.id, { status: alert.status }, transaction);
        notifications += created;
      }
      let exemptionsAlerted = 0;
      for (const exemption of expiring) {
        const created = await notifier.createOnce(
          organizationId,
          nurses,
          expiringExemptionKey(exemption),
          exemptionNotice(exemption),
          transaction,
        );
        if (created > 0) {
          await this.audit(organizationId, exemption.studentId, { exemptionId: exemption.id }, transaction);
          exemptionsAlerted += 1;
        }
        notifications += created;
      }
      await saveAlertStates(sequelize, organizationId, changes, transaction);
      return {
        organizations: 1,
        students: students.length,
        newlyDue: alerts.filter((a) => a.status === 'DUE').length,
        newlyOverdue: alerts.filter((a) => a.status === 'OVERDUE').length,
        expiringExemptions: exemptionsAlerted,
        notifications,
      };
    });
  }

  /** Nurses were shown this student's immunization status: a disclosure, so audited. */
  private audit(
    organizationId: string,
    studentId: string,
    details: Record<string, unknown>,
    transaction: Transaction,
  ): Promise<void> {
    return this.deps.audit().record(
      {
        organizationId,
        userId: null,
        action: 'immunization.alert',
        entityType: 'student',
        entityId: studentId,
        details,
      },
      transaction,
    );
  }
}
