import type { EmergencyAlertPayload } from '@white-cross/backend/events';

/** One open emergency alert as the API and the socket send it. */
export const emergencyAlert: EmergencyAlertPayload = {
  id: 'a1',
  type: 'ALLERGIC_REACTION',
  severity: 'CRITICAL',
  location: 'Cafeteria',
  description: 'Student with hives and trouble breathing',
  studentId: 's1',
  studentName: 'Ava Martinez',
  raisedBy: { userId: 'u2', name: 'Sam Chen' },
  createdAt: '2025-01-15T10:00:00Z',
  status: 'OPEN',
  escalated: false,
  acknowledgements: [],
};
