/** Calendar days ('YYYY-MM-DD') in the reader's time zone, as `<input type="date">` holds them. */
import type { AppointmentRange, CalendarView } from './types';

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function toCalendarDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Local midnight of a day; null for anything that is not a real date (2026-02-30). */
export function parseCalendarDate(day: string): Date | null {
  if (!CALENDAR_DATE.test(day)) return null;
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const parsed = new Date(year, month - 1, date);
  return toCalendarDate(parsed) === day ? parsed : null;
}

export function today(): string {
  return toCalendarDate(new Date());
}

/** Whole calendar days, so a daylight-saving change never lands on 23:00 of the day before. */
export function addDays(day: string, days: number): string {
  const date = parseCalendarDate(day) ?? new Date();
  return toCalendarDate(new Date(date.getFullYear(), date.getMonth(), date.getDate() + days));
}

/** Monday of the day's week. */
export function startOfWeek(day: string): string {
  const date = parseCalendarDate(day) ?? new Date();
  return addDays(toCalendarDate(date), -((date.getDay() + 6) % 7));
}

/** The days a view shows: the day itself, or Monday to Sunday of its week. */
export function daysOf(view: CalendarView, day: string): string[] {
  if (view === 'day') return [day];
  const monday = startOfWeek(day);
  return Array.from({ length: 7 }, (_, index) => addDays(monday, index));
}

/** From the first day's local midnight to the last day's last millisecond. */
export function rangeOf(days: readonly string[]): AppointmentRange {
  const first = parseCalendarDate(days[0] ?? today()) ?? new Date();
  const last = parseCalendarDate(days.at(-1) ?? today()) ?? new Date();
  const end = new Date(last.getFullYear(), last.getMonth(), last.getDate() + 1, 0, 0, 0, -1);
  return { from: first.toISOString(), to: end.toISOString() };
}

/** The local calendar day an instant falls on. */
export function dayOfInstant(instant: string): string {
  return toCalendarDate(new Date(instant));
}

const longDay = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  month: 'long',
  day: 'numeric',
  year: 'numeric',
});
const shortDay = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', year: 'numeric' });

/** "Monday, March 2, 2026". */
export function dayHeading(day: string): string {
  const date = parseCalendarDate(day);
  return date ? longDay.format(date) : day;
}

/** "Week of Mar 2, 2026 – Mar 8, 2026". */
export function weekHeading(days: readonly string[]): string {
  const first = parseCalendarDate(days[0] ?? '');
  const last = parseCalendarDate(days.at(-1) ?? '');
  if (!first || !last) return 'Week';
  return `Week of ${shortDay.format(first)} – ${shortDay.format(last)}`;
}
