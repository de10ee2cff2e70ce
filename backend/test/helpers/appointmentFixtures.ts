/** Appointments booked and changed through the API, as a nurse would, and their times. */
import type { Server } from '@hapi/hapi';
import { bearer, type TestUser } from './fixtures.js';

export const MINUTE_MS = 60 * 1000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export interface BookedAppointment {
  id: string;
  organizationId: string;
  studentId: string;
  nurseId: string;
  status: string;
  startsAt: Date;
  reminderDueAt: Date | null;
  reminderSentAt: Date | null;
}

let slot = 0;
/**
 * An instant `fromNowMs` ahead, on a whole minute and a few minutes after the previous one
 * handed out, so one nurse's bookings in a file never overlap.
 */
export function slotIn(fromNowMs: number): Date {
  slot += 1;
  const at = Date.now() + fromNowMs + slot * 20 * MINUTE_MS;
  return new Date(at - (at % MINUTE_MS));
}

function asAppointment(result: unknown): BookedAppointment {
  const a = result as BookedAppointment;
  return {
    ...a,
    startsAt: new Date(a.startsAt),
    reminderDueAt: a.reminderDueAt && new Date(a.reminderDueAt),
    reminderSentAt: a.reminderSentAt && new Date(a.reminderSentAt),
  };
}

export async function bookAppointment(
  server: Server,
  user: TestUser,
  payload: { studentId: string; startsAt: Date; nurseId?: string; type?: string },
): Promise<BookedAppointment> {
  const res = await server.inject({
    method: 'POST',
    url: '/api/v1/appointments',
    headers: bearer(user),
    payload: { type: 'SCREENING', ...payload, startsAt: payload.startsAt.toISOString() },
  });
  if (res.statusCode !== 201) throw new Error(`booking refused: ${res.statusCode} ${res.payload}`);
  return asAppointment(res.result);
}

export async function changeAppointment(
  server: Server,
  user: TestUser,
  id: string,
  payload: Record<string, unknown>,
): Promise<BookedAppointment> {
  const res = await server.inject({
    method: 'PATCH',
    url: `/api/v1/appointments/${id}`,
    headers: bearer(user),
    payload:
      payload.startsAt instanceof Date ? { ...payload, startsAt: payload.startsAt.toISOString() } : payload,
  });
  if (res.statusCode !== 200) throw new Error(`change refused: ${res.statusCode} ${res.payload}`);
  return asAppointment(res.result);
}
