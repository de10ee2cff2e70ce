import { useEffect, useRef, useState } from 'react';
import { ActionPanel } from '@/components/ActionPanel';
import { StudentLink } from '@/components/StudentLink';
import { formatTime } from '@/lib/formatDate';
import { humanize } from '@/lib/humanize';
import type { Appointment } from '../types';
import { endsAt, statusLabels, timeRange } from './appointmentLabels';
import { RescheduleForm } from './RescheduleForm';
import { StatusActions, type FinalStatus } from './StatusActions';

interface AppointmentItemProps {
  appointment: Appointment;
  /** Nurses and admins change visits; the server refuses everyone else. */
  canManage: boolean;
}

const changedMessages: Record<FinalStatus, string> = {
  COMPLETED: 'Marked completed.',
  NO_SHOW: 'Marked as a no-show.',
  CANCELLED: 'Appointment cancelled.',
};

/** One visit: when, what, who, its status in words, and what can still be done with it. */
export function AppointmentItem({ appointment, canManage }: AppointmentItemProps) {
  const [changed, setChanged] = useState<FinalStatus | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const time = timeRange(appointment);
  const end = endsAt(appointment);
  const kind = humanize(appointment.type);
  const context = `${time}, ${kind}`;
  const scheduled = appointment.status === 'SCHEDULED';

  // The buttons just used are gone: focus the visit's new status, which says what happened.
  useEffect(() => {
    if (changed) statusRef.current?.focus();
  }, [changed]);

  return (
    <li className={`appointment appointment-${appointment.status.toLowerCase().replace('_', '-')}`}>
      <div className="appointment-summary">
        <p className="appointment-time">
          <time dateTime={appointment.startsAt}>{formatTime(appointment.startsAt)}</time> –{' '}
          <time dateTime={end}>{formatTime(end)}</time>
          <span className="muted"> ({appointment.durationMinutes} min)</span>
        </p>
        <p>
          <strong>{kind}</strong> with{' '}
          <StudentLink
            studentId={appointment.studentId}
            studentName={appointment.studentName}
            context={context}
          />
        </p>
        <p ref={statusRef} tabIndex={-1}>
          <span className="badge">{statusLabels[appointment.status]}</span>
          {changed && <span role="status"> {changedMessages[changed]}</span>}
        </p>
      </div>
      {appointment.reason && <p>Reason: {appointment.reason}</p>}
      {appointment.notes && <p className="appointment-notes">Notes: {appointment.notes}</p>}
      {canManage && scheduled && (
        <div className="stack">
          <StatusActions appointment={appointment} context={context} onChanged={setChanged} />
          <ActionPanel
            label={
              <>
                Reschedule<span className="visually-hidden">: {context}</span>
              </>
            }
            renderForm={({ close, succeed }) => (
              <RescheduleForm
                appointment={appointment}
                onCancel={close}
                onSaved={() => succeed('Appointment moved.')}
              />
            )}
          />
        </div>
      )}
    </li>
  );
}
