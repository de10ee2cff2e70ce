/** Fictional upcoming appointments for the demo district: about one student in four. */
import type { Server } from '@hapi/hapi';
import type { Actor } from '../infrastructure/http/actor.js';
import type { AppointmentType } from '../modules/appointments/index.js';
import type { StudentView } from '../modules/students/index.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const SLOT_MINUTES = 20;
const VISITS: ReadonlyArray<{ type: AppointmentType; reason: string }> = [
  { type: 'SCREENING', reason: 'Annual vision screening' },
  { type: 'FOLLOW_UP', reason: 'Follow-up after playground injury' },
  { type: 'MEDICATION', reason: 'Review inhaler technique' },
  { type: 'COUNSELING', reason: 'Check-in on sleep habits' },
  { type: 'SCREENING', reason: 'Hearing screening' },
];

/**
 * Slots from 09:00 UTC, starting the day after tomorrow so every 24 h reminder is still due,
 * 20 minutes apart so the nurse is never double-booked.
 */
export async function seedAppointmentsDemo(
  server: Server,
  actor: Actor,
  students: StudentView[],
): Promise<void> {
  const service = server.plugins.appointments.service;
  const firstDay = new Date();
  firstDay.setUTCHours(9, 0, 0, 0);
  let booked = 0;
  for (let i = 0; i < students.length; i += 4) {
    const day = 2 + (booked % 5);
    const slot = Math.floor(booked / 5);
    const visit = VISITS[booked % VISITS.length]!;
    await service.create(actor, {
      studentId: students[i]!.id,
      startsAt: new Date(firstDay.getTime() + day * DAY_MS + slot * SLOT_MINUTES * 60 * 1000),
      durationMinutes: 15,
      type: visit.type,
      reason: visit.reason,
    });
    booked += 1;
  }
}
