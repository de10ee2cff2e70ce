/**
 * Emergency alerts: raised by clinical staff, broadcast to the whole organization, replayed to
 * every socket that (re)connects until its user acknowledges, escalated once when nobody has.
 * The socket plugin and the notifications service are looked up at call time: this module
 * imports neither, and works (without pushing) where they are absent.
 */
import type { Plugin, Server } from '@hapi/hapi';
import type { EmergencyAlertPayload } from '../../infrastructure/websocket/events.js';
import type { Realtime, SocketIdentity } from '../../infrastructure/websocket/realtime.js';
import { AlertEscalation } from './AlertEscalation.js';
import { AlertFanout, type StaffNotifier } from './AlertFanout.js';
import { AlertService } from './AlertService.js';
import { defineAlertModels } from './models.js';
import { alertRoutes } from './routes.js';

export { ALERT_SEVERITIES, ALERT_TYPES, type AlertType } from './models.js';
export { AlertService } from './AlertService.js';
export type { AlertQuery, RaiseAlertInput } from './AlertService.js';

/** What the socket plugin asks on every (re)connect. */
export interface AlertReplay {
  openAlertsFor(identity: SocketIdentity): Promise<EmergencyAlertPayload[]>;
}

declare module '@hapi/hapi' {
  interface PluginProperties {
    alerts: AlertReplay & { service: AlertService };
  }
}

function lookups(server: Server) {
  // Optional plugins: registered or not depending on the role and the build of the server.
  const plugins = server.plugins as Partial<typeof server.plugins>;
  return {
    realtime: (): Realtime | undefined => plugins.websocket,
    notifier: (): StaffNotifier | undefined => plugins.notifications?.service,
  };
}

export const alertsPlugin: Plugin<void> = {
  name: 'alerts',
  dependencies: ['database', 'auth', 'audit', 'students'],
  register(server) {
    const { sequelize, config } = server.app;
    const logError = (what: string, error: unknown) =>
      server.log(['alerts', 'error'], {
        what,
        error: error instanceof Error ? error.message : String(error),
      });
    const fanout = new AlertFanout({ sequelize, ...lookups(server), logError });
    const audit = () => server.plugins.audit.service;
    const escalation = new AlertEscalation({
      sequelize,
      audit,
      fanout,
      delayMs: config.alerts.escalationSeconds * 1000,
      logError,
    });
    const service = new AlertService({
      models: defineAlertModels(sequelize),
      sequelize,
      audit,
      students: () => server.plugins.students.service,
      fanout,
      escalation,
      metrics: server.app.metrics,
    });
    server.expose('service', service);
    server.expose('openAlertsFor', (identity: SocketIdentity) => service.openAlertsFor(identity));
    server.route(alertRoutes(service));

    // Escalation survives a restart: on start, every pending alert gets its remaining time.
    server.ext('onPostStart', async () => {
      await service.resumeEscalations();
    });
    server.ext('onPreStop', () => escalation.stop());
  },
};
