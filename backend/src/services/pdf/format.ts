/** How values read on paper: times in the school's zone with its abbreviation, enum codes as words. */
import type { Instant, StudentIdentity } from './types.js';

const DEFAULT_TIME_ZONE = 'UTC';

export function toDate(value: Instant): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError('A report time is not a valid date');
  return date;
}

// Building an Intl.DateTimeFormat costs far more than using one: a 300-row log would spend most of its time here.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** "2026-03-02 08:05 EST": unambiguous across locales, and sorts as text. */
export function formatDateTime(value: Instant, timeZone = DEFAULT_TIME_ZONE): string {
  const parts = formatterFor(timeZone).formatToParts(toDate(value));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')} ${part('timeZoneName')}`;
}

/** The calendar date in the zone, for range headings: "2026-03-02". */
export function formatDate(value: Instant, timeZone = DEFAULT_TIME_ZONE): string {
  return formatDateTime(value, timeZone).slice(0, 10);
}

/** LIFE_THREATENING -> "Life-threatening"; IN_PERSON -> "In person". */
export function humanize(code: string): string {
  const words = code.toLowerCase().replace(/_/g, ' ');
  const text = words === 'life threatening' ? 'life-threatening' : words;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A 0..1 share as a percentage with one decimal: 0.8753 -> "87.5%". */
export function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

export function fullName(student: Pick<StudentIdentity, 'firstName' | 'lastName'>): string {
  return `${student.firstName} ${student.lastName}`;
}

export const yesNo = (value: boolean | null | undefined): string => (value ? 'Yes' : 'No');

/** An empty optional value on paper: a dash, so a blank never looks like a printing fault. */
export const orDash = (value: string | number | null | undefined): string =>
  value === null || value === undefined || value === '' ? '—' : String(value);
