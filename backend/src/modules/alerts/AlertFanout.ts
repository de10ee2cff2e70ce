/**
 * Everything an alert sets off after its transaction commits: the socket broadcast to the
 * organization and a notification for each nurse and admin. Both are looked up at call time,
 * so a server without sockets (the worker role) or without notifications simply skips them;
 * a failure here is logged and never undoes or fails the alert that was already saved.
 */
import { QueryTypes, type Sequelize } from 'sequelize';
import type {
  AlertAcknowledgedPayload,
  EmergencyAlertPayload,
} from '../../infrastructure/websocket/events.js';
import type { Realtime } from '../../infrastructure/websocket/realtime.js';

/** The narrow part of the notifications service an alert needs. */
export interface StaffNotifier {
  create(
    organizationId: string,
    userId: string,
    input: { type: string; title: string; message: string },
  ): Promise<unknown>;
}

export interface FanoutDeps {
  sequelize: Sequelize;
  realtime: () => Realtime | undefined;
  notifier: () => StaffNotifier | undefined;
  logError: (what: string, error: unknown) => void;
}

function titleCase(value: string): string {
  return value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, ' ');
}

export class AlertFanout {
  constructor(private readonly deps: FanoutDeps) {}

  broadcastAlert(organizationId: string, alert: EmergencyAlertPayload): void {
    try {
      this.deps.realtime()?.broadcastEmergencyAlert(organizationId, alert);
    } catch (error) {
      this.deps.logError('emergency alert broadcast', error);
    }
  }

  broadcastAcknowledged(organizationId: string, payload: AlertAcknowledgedPayload): void {
    try {
      this.deps.realtime()?.broadcastAlertAcknowledged(organizationId, payload);
    } catch (error) {
      this.deps.logError('acknowledgement broadcast', error);
    }
  }

  /** One notification per active nurse and admin of the organization, except the raiser. */
  async notifyStaff(organizationId: string, alert: EmergencyAlertPayload): Promise<void> {
    const notifier = this.deps.notifier();
    if (!notifier) return;
    try {
      const recipients = await this.deps.sequelize.query<{ id: string }>(
        `SELECT id FROM users
          WHERE organization_id = :organizationId AND is_active AND role IN ('NURSE', 'ADMIN')
            AND id <> :raisedBy`,
        { replacements: { organizationId, raisedBy: alert.raisedBy.userId }, type: QueryTypes.SELECT },
      );
      // No student name and no description: a notification outlives the emergency.
      const title = `Emergency alert: ${titleCase(alert.type)}`;
      const message = `${titleCase(alert.severity)} severity at ${alert.location}, raised by ${alert.raisedBy.name}`;
      for (const { id } of recipients) {
        await notifier.create(organizationId, id, { type: 'EMERGENCY_ALERT', title, message });
      }
    } catch (error) {
      this.deps.logError('emergency alert notifications', error);
    }
  }
}
