/**
 * Calendar-date arithmetic on YYYY-MM-DD strings, in whole days (UTC, so no time zone or
 * daylight-saving shift can move a date). A birthday on 29 February falls on 1 March in a
 * common year, as Date.UTC's overflow gives.
 */
import type { AgeSpec } from './ruleSet.js';

const DAY_MS = 24 * 60 * 60 * 1000;

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y!, m!, d!];
}

/** Days since 1970-01-01. */
export function dayNumber(date: string): number {
  const [y, m, d] = parts(date);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** The date on which a child born on `dateOfBirth` reaches `age`. */
export function dateAtAge(dateOfBirth: string, age: AgeSpec): string {
  const [y, m, d] = parts(dateOfBirth);
  const shifted = Date.UTC(y + (age.years ?? 0), m - 1 + (age.months ?? 0), d + (age.days ?? 0));
  return new Date(shifted).toISOString().slice(0, 10);
}

/** The first day of the school year that `date` falls in (`start` is MM-DD). */
export function schoolYearStartOn(date: string, start: string): string {
  const [year] = parts(date);
  const thisYear = `${year}-${start}`;
  return date >= thisYear ? thisYear : `${year - 1}-${start}`;
}

export function minusYears(date: string, years: number): string {
  const [y, m, d] = parts(date);
  return `${String(y - years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
