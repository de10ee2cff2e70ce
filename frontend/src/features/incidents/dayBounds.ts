const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

function localInstant(day: string, time: string): string | undefined {
  if (!CALENDAR_DATE.test(day)) return undefined;
  const instant = new Date(`${day}T${time}`);
  return Number.isNaN(instant.getTime()) ? undefined : instant.toISOString();
}

/** The first instant of a calendar day in the reader's time zone; undefined for '' or nonsense. */
export function dayStartInstant(day: string): string | undefined {
  return localInstant(day, '00:00:00');
}

/** The last millisecond of a calendar day in the reader's time zone. */
export function dayEndInstant(day: string): string | undefined {
  return localInstant(day, '23:59:59.999');
}
