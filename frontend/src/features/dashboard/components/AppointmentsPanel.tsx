import { StudentLink } from '@/components/StudentLink';
import { formatTime } from '@/lib/formatDate';
import { humanize } from '@/lib/humanize';
import { useTodaysAppointments } from '../api/getTodaysAppointments';
import { DashboardPanel, QueryStatus } from './DashboardPanel';

export function AppointmentsPanel({ link }: { link?: string }) {
  const appointments = useTodaysAppointments();
  const page = appointments.data;

  return (
    <DashboardPanel
      title="Today's appointments"
      count={page?.total}
      link={link ? { to: link, label: 'All appointments' } : undefined}
    >
      <QueryStatus
        isPending={appointments.isPending}
        error={appointments.error}
        loadingText="Loading appointments…"
      />
      {page && page.data.length === 0 && <p className="muted">No appointments today.</p>}
      {page && page.data.length > 0 && (
        <div className="table-wrapper">
          <table aria-busy={appointments.isFetching}>
            <caption className="visually-hidden">Today&apos;s appointments</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Student</th>
                <th scope="col">Visit</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {page.data.map((appointment) => {
                const time = formatTime(appointment.startsAt);
                return (
                  <tr key={appointment.id}>
                    <th scope="row">
                      <time dateTime={appointment.startsAt}>{time}</time>
                    </th>
                    <td>
                      <StudentLink
                        studentId={appointment.studentId}
                        studentName={appointment.studentName}
                        context={`the ${time} visit`}
                      />
                    </td>
                    <td>
                      {humanize(appointment.type)}
                      {appointment.reason ? `: ${appointment.reason}` : ''}
                      <span className="muted"> ({appointment.durationMinutes} min)</span>
                    </td>
                    <td>{humanize(appointment.status)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {page && page.total > page.data.length && (
        <p className="muted">
          Showing {page.data.length} of {page.total}.
        </p>
      )}
    </DashboardPanel>
  );
}
