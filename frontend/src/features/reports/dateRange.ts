/** The longest medication log, in days counting both ends: a school year with room to spare. */
export const MAX_RANGE_DAYS = 366;

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** A Date's calendar day in the reader's time zone, 'YYYY-MM-DD' (what `<input type="date">` holds). */
export function toCalendarDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Days from `from` to `to`, counting both ends; null when either is not a real date. */
export function rangeLengthInDays(from: string, to: string): number | null {
  if (!CALENDAR_DATE.test(from) || !CALENDAR_DATE.test(to)) return null;
  // Read as UTC midnight: no daylight-saving hour can make a day 23 or 25 hours long.
  const start = utcMidnight(from);
  const end = utcMidnight(to);
  if (start === null || end === null) return null;
  return Math.round((end - start) / DAY_MS) + 1;
}

/** Refuses impossible days such as 2026-02-30, which Date would silently roll over. */
function utcMidnight(day: string): number | null {
  const time = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(day) ? time : null;
}

export interface DateRangeErrors {
  from?: string;
  to?: string;
}

/** What is wrong with a range, if anything; each message says how to fix it. */
export function validateDateRange(from: string, to: string): DateRangeErrors {
  const errors: DateRangeErrors = {};
  if (!from) errors.from = 'Enter the first day.';
  else if (rangeLengthInDays(from, from) === null) errors.from = 'Enter a date as YYYY-MM-DD.';
  if (!to) errors.to = 'Enter the last day.';
  else if (rangeLengthInDays(to, to) === null) errors.to = 'Enter a date as YYYY-MM-DD.';
  if (errors.from || errors.to) return errors;

  const days = rangeLengthInDays(from, to) ?? 0;
  if (days < 1) errors.to = 'The last day must be on or after the first day.';
  else if (days > MAX_RANGE_DAYS)
    errors.to = `A report covers at most ${MAX_RANGE_DAYS} days; this range has ${days}. Shorten it.`;
  return errors;
}
