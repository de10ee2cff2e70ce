import type { Appointment } from '../types';
import { AppointmentItem } from './AppointmentItem';

interface DayScheduleProps {
  appointments: Appointment[];
  canManage: boolean;
  /** Names the list for screen readers, e.g. the day. */
  label: string;
}

/** One day's visits in time order, or a sentence saying there are none. */
export function DaySchedule({ appointments, canManage, label }: DayScheduleProps) {
  if (appointments.length === 0) return <p className="muted">No appointments.</p>;
  return (
    <ul className="plain-list stack" aria-label={label}>
      {appointments.map((appointment) => (
        <AppointmentItem key={appointment.id} appointment={appointment} canManage={canManage} />
      ))}
    </ul>
  );
}
