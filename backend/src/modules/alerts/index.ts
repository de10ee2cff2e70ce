import type { Plugin } from '@hapi/hapi';
import type { EmergencyAlertPayload } from '../../infrastructure/websocket/events.js';
import type { SocketIdentity } from '../../infrastructure/websocket/realtime.js';

export const ALERT_TYPES = [
  'ALLERGIC_REACTION',
  'SEIZURE',
  'CARDIAC',
  'RESPIRATORY',
  'INJURY',
  'DIABETIC',
  'OTHER',
] as const;

/** What the socket plugin asks on every (re)connect. */
export interface AlertReplay {
  openAlertsFor(identity: SocketIdentity): Promise<EmergencyAlertPayload[]>;
}

declare module '@hapi/hapi' {
  interface PluginProperties {
    alerts: AlertReplay;
  }
}

export const alertsPlugin: Plugin<void> = {
  name: 'alerts',
  dependencies: ['database', 'auth', 'audit', 'students'],
  register(server) {
    // Placeholder until the alerts module lands: nothing to replay.
    server.expose('openAlertsFor', async () => []);
  },
};
