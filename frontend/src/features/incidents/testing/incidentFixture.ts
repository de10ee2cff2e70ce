import type { Incident } from '../types';

/** One incident as GET /api/v1/incidents answers it; tests override what they need. */
export function incident(overrides: Partial<Incident> = {}): Incident {
  return {
    id: 'in1',
    studentId: 's1',
    studentName: 'Amara Okafor',
    student: { id: 's1', firstName: 'Amara', lastName: 'Okafor', schoolId: 'sc1' },
    reportedBy: 'u1',
    type: 'INJURY',
    severity: 'HIGH',
    location: 'Playground',
    occurredAt: '2026-03-02T10:05:00Z',
    description: 'Fell from the climbing frame',
    actionsTaken: 'Ice pack',
    witnesses: ['Ms. Lee'],
    parentNotified: { notified: true, by: 'Nurse Garcia', at: '2026-03-02T10:30:00Z', method: 'PHONE' },
    followUpRequired: true,
    followUpNotes: null,
    createdAt: '2026-03-02T10:40:00Z',
    updatedAt: '2026-03-02T10:40:00Z',
    ...overrides,
  };
}
