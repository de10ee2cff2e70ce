/**
 * HL7 dates (DT, YYYYMMDD) and timestamps (DTM). The platform stores calendar dates as
 * YYYY-MM-DD; a date read from a message is its calendar part as written, never shifted
 * through a time zone, because a dose given on the 3rd was given on the 3rd.
 */
import { Hl7BuildError } from './errors.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** 'YYYY-MM-DD' -> 'YYYYMMDD'; `label` names the input in the error (never its value). */
export function toHl7Date(isoDate: string, label: string): string {
  const match = ISO_DATE.exec(isoDate);
  if (!match || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw new Hl7BuildError(`${label} must be a date written YYYY-MM-DD`);
  }
  return `${match[1]}${match[2]}${match[3]}`;
}

/** A moment as an HL7 timestamp in UTC with its offset: YYYYMMDDHHMMSS+0000. */
export function toHl7Timestamp(at: Date): string {
  if (Number.isNaN(at.getTime())) throw new Hl7BuildError('A message timestamp must be a valid date');
  const iso = at.toISOString(); // 2024-03-15T13:05:09.000Z
  return iso.slice(0, 19).replace(/[-T:]/g, '') + '+0000';
}

/** The calendar date of an HL7 DT/DTM value as 'YYYY-MM-DD', or null when it has none. */
export function fromHl7Date(value: string): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})/.exec(value.trim());
  if (!match || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) return null;
  return `${match[1]}-${match[2]}-${match[3]}`;
}
