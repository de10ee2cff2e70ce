import { useId } from 'react';
import { ActionPanel } from '@/components/ActionPanel';
import { SchoolSelect } from '@/components/SchoolSelect';
import { toDateTimeLocalValue } from '@/lib/formatDate';
import { useSchools } from '@/services/api/getSchools';
import { useAppointments } from '../api/getAppointments';
import { dayHeading, dayOfInstant, parseCalendarDate, today, weekHeading } from '../calendar';
import { useCalendar } from '../hooks/useCalendar';
import { useLiveAppointments } from '../hooks/useLiveAppointments';
import type { Appointment } from '../types';
import { BookAppointmentForm } from './BookAppointmentForm';
import { CalendarToolbar } from './CalendarToolbar';
import { DaySchedule } from './DaySchedule';
import './appointments.css';

interface AppointmentsPageProps {
  /** Nurses and admins book and change visits; a viewer sees the calendar only. */
  canManage: boolean;
}

/** The next quarter hour today, or 9:00 on another day: where a booking usually starts. */
function suggestedStart(day: string): string {
  const date = parseCalendarDate(day) ?? new Date();
  if (day === today()) {
    const now = new Date();
    now.setMinutes(Math.ceil((now.getMinutes() + 1) / 15) * 15, 0, 0);
    return toDateTimeLocalValue(now);
  }
  date.setHours(9, 0, 0, 0);
  return toDateTimeLocalValue(date);
}

function byDay(appointments: readonly Appointment[]): Map<string, Appointment[]> {
  const days = new Map<string, Appointment[]>();
  for (const appointment of appointments) {
    const day = dayOfInstant(appointment.startsAt);
    days.set(day, [...(days.get(day) ?? []), appointment]);
  }
  return days;
}

/** The nurse's office calendar: one day or a week, listed by day, oldest first. */
export function AppointmentsPage({ canManage }: AppointmentsPageProps) {
  const id = useId();
  const calendar = useCalendar();
  const appointments = useAppointments({ ...calendar.range, schoolId: calendar.schoolId });
  const schools = useSchools();
  useLiveAppointments();
  const result = appointments.data;
  const grouped = byDay(result?.appointments ?? []);
  const heading = calendar.view === 'week' ? weekHeading(calendar.days) : dayHeading(calendar.date);

  return (
    <section className="stack" aria-labelledby="appointments-heading">
      <h1 id="appointments-heading">Appointments</h1>
      <CalendarToolbar
        view={calendar.view}
        date={calendar.date}
        onViewChange={calendar.setView}
        onDateChange={calendar.setDate}
        onPrevious={calendar.previous}
        onToday={calendar.today}
        onNext={calendar.next}
      >
        <SchoolSelect
          id={`${id}-school`}
          schools={schools.data}
          error={schools.isError ? `Schools could not be listed: ${schools.error.message}` : undefined}
          value={calendar.schoolId}
          onChange={calendar.setSchool}
        />
      </CalendarToolbar>
      <h2 id="appointments-range" aria-live="polite">
        {heading}
      </h2>
      {canManage && (
        <ActionPanel
          label="Book appointment"
          renderForm={({ close, succeed }) => (
            <BookAppointmentForm
              startsAt={suggestedStart(calendar.date)}
              onCancel={close}
              onBooked={() => succeed('Appointment booked.')}
            />
          )}
        />
      )}
      {appointments.isError && (
        <p className="alert alert-error" role="alert">
          {appointments.error.message}
        </p>
      )}
      {appointments.isPending && (
        <p className="muted" role="status">
          Loading appointments…
        </p>
      )}
      {result && result.total > result.appointments.length && (
        <p className="alert alert-info" role="status">
          Showing the first {result.appointments.length} of {result.total} appointments
          {calendar.view === 'week' ? ': switch to the day view to see them all.' : '.'}
        </p>
      )}
      {result && (
        <div className="stack" aria-busy={appointments.isPlaceholderData}>
          {calendar.view === 'day' ? (
            <DaySchedule
              appointments={grouped.get(calendar.date) ?? []}
              canManage={canManage}
              label={`Appointments on ${heading}`}
            />
          ) : (
            calendar.days.map((day) => (
              <section key={day} className="stack calendar-day" aria-labelledby={`day-${day}`}>
                <h3 id={`day-${day}`}>
                  {dayHeading(day)}
                  {day === today() && (
                    <>
                      {' '}
                      <span className="badge calendar-today">Today</span>
                    </>
                  )}
                </h3>
                <DaySchedule
                  appointments={grouped.get(day) ?? []}
                  canManage={canManage}
                  label={`Appointments on ${dayHeading(day)}`}
                />
              </section>
            ))
          )}
        </div>
      )}
    </section>
  );
}
