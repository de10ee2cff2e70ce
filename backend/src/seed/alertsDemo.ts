/**
 * Fictional emergency alerts for the demo district: a short history (mostly resolved) and
 * one open alert the seeding user has acknowledged, so the alert screens have something to
 * show without an escalation firing a minute after start.
 */
import type { Server } from '@hapi/hapi';
import type { Actor } from '../infrastructure/http/actor.js';
import type { RaiseAlertInput } from '../modules/alerts/index.js';
import type { StudentView } from '../modules/students/index.js';

const SCENARIOS: ReadonlyArray<
  Omit<RaiseAlertInput, 'studentId'> & { resolved: boolean; withStudent: boolean }
> = [
  {
    type: 'ALLERGIC_REACTION',
    severity: 'CRITICAL',
    location: 'Cafeteria',
    description: 'Hives and lip swelling after lunch; epinephrine auto-injector given.',
    resolved: true,
    withStudent: true,
  },
  {
    type: 'SEIZURE',
    severity: 'HIGH',
    location: 'Room 114',
    description: 'Seizure lasting about two minutes; student recovering in recovery position.',
    resolved: true,
    withStudent: true,
  },
  {
    type: 'INJURY',
    severity: 'MEDIUM',
    location: 'Playground',
    description: 'Fall from climbing frame; possible wrist fracture, ice applied.',
    resolved: true,
    withStudent: true,
  },
  {
    type: 'OTHER',
    severity: 'LOW',
    location: 'Main office',
    description: 'Visitor felt faint in the lobby; seated and given water.',
    resolved: true,
    withStudent: false,
  },
  {
    type: 'DIABETIC',
    severity: 'HIGH',
    location: 'Gymnasium',
    description: 'Low blood glucose reading during PE; fast-acting glucose given, rechecking.',
    resolved: false,
    withStudent: true,
  },
];

export async function seedAlertsDemo(server: Server, actor: Actor, students: StudentView[]): Promise<void> {
  const service = server.plugins.alerts.service;
  for (const [i, { resolved, withStudent, ...input }] of SCENARIOS.entries()) {
    const student = withStudent ? students[(i * 7) % Math.max(students.length, 1)] : undefined;
    const alert = await service.raise(actor, { ...input, studentId: student?.id ?? null });
    await service.acknowledge(actor, alert.id);
    if (resolved) await service.resolve(actor, alert.id);
  }
}
