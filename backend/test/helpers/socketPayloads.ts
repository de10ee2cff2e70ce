/** Socket event payloads shaped as the event map says, for tests that broadcast directly. */
import type { EmergencyAlertPayload } from '../../src/infrastructure/websocket/events.js';

export function emergencyAlert(overrides: Partial<EmergencyAlertPayload> = {}): EmergencyAlertPayload {
  return {
    id: crypto.randomUUID(),
    type: 'SEIZURE',
    severity: 'HIGH',
    location: 'Gym',
    description: 'Test alert',
    studentId: null,
    studentName: null,
    raisedBy: { userId: crypto.randomUUID(), name: 'Test Nurse' },
    createdAt: new Date().toISOString(),
    status: 'OPEN',
    escalated: false,
    acknowledgements: [],
    ...overrides,
  };
}
