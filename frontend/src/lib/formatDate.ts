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
