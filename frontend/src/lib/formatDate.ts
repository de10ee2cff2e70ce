const dateOnly = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

/**
 * Formats a calendar date ('YYYY-MM-DD') for reading. It is read and printed as UTC so a
 * birthday never shifts by a day in time zones west of Greenwich.
 */
export function formatCalendarDate(value: string): string {
  const time = Date.parse(`${value}T00:00:00Z`);
  return Number.isNaN(time) ? value : dateOnly.format(time);
}

const dateTime = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

/** Formats an instant (ISO 8601) in the reader's own time zone. */
export function formatDateTime(value: string): string {
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : dateTime.format(time);
}

/** The value a `<input type="datetime-local">` expects for an instant, in local time. */
export function toDateTimeLocalValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Reads a datetime-local value (local time) back as an ISO instant; null when unreadable. */
export function fromDateTimeLocalValue(value: string): string | null {
  const time = new Date(value).getTime();
  return value === '' || Number.isNaN(time) ? null : new Date(time).toISOString();
}

const timeOnly = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

/** The time of day of an instant (ISO 8601), in the reader's own time zone. */
export function formatTime(value: string): string {
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : timeOnly.format(time);
}
