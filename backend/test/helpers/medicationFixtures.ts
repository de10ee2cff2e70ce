/**
 * Helpers for the medications tests: wall-clock times computed from "now" in a given time
 * zone (so no test depends on the hour it runs at), prescriptions made through the API, and
 * the rows a refused request must leave untouched.
 */
import type { Server } from '@hapi/hapi';
import { QueryTypes } from 'sequelize';
import { bearer, type TestOrganization, type TestUser } from './fixtures.js';

export const SCHOOL_TIME_ZONE = 'America/New_York';

/** "HH:MM" in the time zone, `offsetMinutes` from now. */
export function localTime(offsetMinutes = 0, timeZone = SCHOOL_TIME_ZONE): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(Date.now() + offsetMinutes * 60_000));
}

/** "YYYY-MM-DD" in the time zone, `offsetDays` from today. */
export function localDate(offsetDays = 0, timeZone = SCHOOL_TIME_ZONE): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(Date.now() + offsetDays * 24 * 60 * 60_000));
}

/**
 * An Etc/GMT zone in which it is now around midday, so "three hours ago" is still today:
 * the due-list test uses it as its organization's time zone.
 */
export function middayTimeZone(): string {
  const offset = 12 - new Date().getUTCHours(); // -11..12
  if (offset === 0) return 'UTC';
  // POSIX sign convention: Etc/GMT-5 is five hours ahead of UTC.
  return offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

export async function setOrganizationTimeZone(server: Server, organizationId: string, timeZone: string) {
  await server.app.sequelize.query(
    `INSERT INTO medication_settings (organization_id, time_zone) VALUES (:organizationId, :timeZone)
     ON CONFLICT (organization_id) DO UPDATE SET time_zone = EXCLUDED.time_zone`,
    { replacements: { organizationId, timeZone } },
  );
}

export function prescriptionPayload(overrides: Record<string, unknown> = {}) {
  return {
    medication: { name: 'Ibuprofen', form: 'TABLET', strength: '200 mg' },
    dose: '200 mg',
    route: 'ORAL',
    scheduleTimes: [localTime(0)],
    startDate: localDate(-1),
    prescriber: 'Dr. Alex Rivera',
    parentConsentOnFile: true,
    dosesOnHand: 10,
    instructions: 'Give with food',
    ...overrides,
  };
}

export interface PrescriptionResult {
  id: string;
  dosesOnHand: number;
  active: boolean;
  instructions: string | null;
  medication: { id: string; name: string; controlledSchedule: string | null };
}

export async function createPrescription(
  server: Server,
  org: TestOrganization,
  studentId: string,
  overrides: Record<string, unknown> = {},
): Promise<PrescriptionResult> {
  const res = await server.inject({
    method: 'POST',
    url: `/api/v1/students/${studentId}/medications`,
    headers: bearer(org.nurse),
    payload: prescriptionPayload(overrides),
  });
  if (res.statusCode !== 201)
    throw new Error(`fixture prescription refused: ${res.statusCode} ${res.payload}`);
  return res.result as PrescriptionResult;
}

export function givenPayload(overrides: Record<string, unknown> = {}) {
  return {
    status: 'GIVEN',
    dose: '200 mg',
    route: 'ORAL',
    administeredAt: new Date().toISOString(),
    ...overrides,
  };
}

export function administer(
  server: Server,
  user: TestUser,
  studentId: string,
  prescriptionId: string,
  payload: Record<string, unknown>,
) {
  return server.inject({
    method: 'POST',
    url: `/api/v1/students/${studentId}/medications/${prescriptionId}/administrations`,
    headers: bearer(user),
    payload,
  });
}

/** What a refused administration must leave as it was. */
export async function marState(server: Server, prescriptionId: string) {
  const row = await server.app.sequelize.query<{ administrations: number; dosesOnHand: number }>(
    `SELECT (SELECT count(*)::int FROM medication_administrations WHERE prescription_id = :id) AS administrations,
            doses_on_hand AS "dosesOnHand"
       FROM prescriptions WHERE id = :id`,
    { replacements: { id: prescriptionId }, plain: true, type: QueryTypes.SELECT },
  );
  return row!;
}
