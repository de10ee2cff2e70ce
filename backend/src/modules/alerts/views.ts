/**
 * The minimum necessary per role. An alert's free-text description may hold clinical detail,
 * so a role without detail access (VIEWER) gets what is needed to respond: what, how severe,
 * where, which student and who raised it.
 */
import type { Role } from '../../infrastructure/http/authorization.js';
import { can } from '../../infrastructure/http/authorization.js';
import type { EmergencyAlertPayload } from '../../infrastructure/websocket/events.js';

export const REDACTED_DESCRIPTION = '';

export function alertForRole(alert: EmergencyAlertPayload, role: Role): EmergencyAlertPayload {
  if (can(role, 'health-records:read-detail')) return alert;
  return { ...alert, description: REDACTED_DESCRIPTION };
}
