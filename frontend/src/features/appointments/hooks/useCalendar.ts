import { useSearchParams } from 'react-router';
import { addDays, daysOf, parseCalendarDate, rangeOf, today } from '../calendar';
import type { CalendarView } from '../types';

/** A school id as the server issues them; anything else in the URL means every school. */
const SCHOOL_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Which day or week the calendar shows, and for which school, kept in the URL
 * (`?view=week&date=2026-03-02&school=…`) so a reload or a shared link opens the same place.
 * An unreadable date falls back to today, an unreadable school to every school.
 */
export function useCalendar() {
  const [params, setParams] = useSearchParams();
  const view: CalendarView = params.get('view') === 'week' ? 'week' : 'day';
  const requested = params.get('date') ?? '';
  const date = parseCalendarDate(requested) ? requested : today();
  const days = daysOf(view, date);
  const requestedSchool = params.get('school') ?? '';
  const schoolId = SCHOOL_ID.test(requestedSchool) ? requestedSchool : '';

  const go = (next: { view?: CalendarView; date?: string }) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        updated.set('view', next.view ?? view);
        updated.set('date', next.date ?? date);
        return updated;
      },
      { replace: true },
    );

  const step = view === 'week' ? 7 : 1;
  return {
    view,
    date,
    days,
    range: rangeOf(days),
    schoolId,
    setSchool: (next: string) =>
      setParams(
        (current) => {
          const updated = new URLSearchParams(current);
          if (next) updated.set('school', next);
          else updated.delete('school');
          return updated;
        },
        { replace: true },
      ),
    setView: (next: CalendarView) => go({ view: next }),
    setDate: (next: string) => {
      if (parseCalendarDate(next)) go({ date: next });
    },
    previous: () => go({ date: addDays(date, -step) }),
    next: () => go({ date: addDays(date, step) }),
    today: () => go({ date: today() }),
  };
}
