import { useId, useState, type FormEvent } from 'react';
import { FormActions } from '@/components/FormActions';
import { FormField } from '@/components/FormField';
import { FormPanel } from '@/components/FormPanel';
import { fromDateTimeLocalValue, toDateTimeLocalValue } from '@/lib/formatDate';
import { useUpdateAppointment } from '../api/updateAppointment';
import { durationError, parseDuration } from '../hooks/useAppointmentForm';
import type { Appointment, AppointmentUpdate } from '../types';
import { timeRange } from './appointmentLabels';
import { DurationField } from './DurationField';

interface RescheduleFormProps {
  appointment: Appointment;
  onCancel: () => void;
  onSaved: () => void;
}

/** A new start and/or length for a scheduled visit; only what changed is sent. */
export function RescheduleForm({ appointment, onCancel, onSaved }: RescheduleFormProps) {
  const id = useId();
  const [startsAt, setStartsAt] = useState(() => toDateTimeLocalValue(new Date(appointment.startsAt)));
  const [duration, setDuration] = useState(String(appointment.durationMinutes));
  const [submitted, setSubmitted] = useState(false);
  const [unchanged, setUnchanged] = useState(false);
  const mutation = useUpdateAppointment({ onSuccess: () => onSaved() });

  const start = fromDateTimeLocalValue(startsAt);
  const minutes = parseDuration(duration);
  const startError = submitted && start === null ? 'Enter when the visit starts.' : undefined;
  const lengthError = submitted && minutes === null ? durationError : undefined;

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (start === null) return document.getElementById(`${id}-start`)?.focus();
    if (minutes === null) return document.getElementById(`${id}-length`)?.focus();
    const changes: AppointmentUpdate = {};
    if (Date.parse(start) !== Date.parse(appointment.startsAt)) changes.startsAt = start;
    if (minutes !== appointment.durationMinutes) changes.durationMinutes = minutes;
    if (Object.keys(changes).length === 0) {
      setUnchanged(true);
      return;
    }
    setUnchanged(false);
    mutation.mutate({ appointmentId: appointment.id, changes });
  };

  return (
    <FormPanel title={`Reschedule the ${timeRange(appointment)} visit`} onCancel={onCancel}>
      <form className="stack" noValidate onSubmit={handleSubmit}>
        <div className="form-grid">
          <FormField id={`${id}-start`} label="New start" error={startError}>
            {(control) => (
              <input
                {...control}
                type="datetime-local"
                value={startsAt}
                onChange={(event) => setStartsAt(event.target.value)}
              />
            )}
          </FormField>
          <DurationField id={`${id}-length`} value={duration} error={lengthError} onChange={setDuration} />
        </div>
        {unchanged && (
          <p className="alert alert-info" role="status">
            That is the current time and length: change one of them, or cancel.
          </p>
        )}
        <FormActions
          submitLabel="Save new time"
          pending={mutation.isPending}
          onCancel={onCancel}
          error={mutation.error?.message}
        />
      </form>
    </FormPanel>
  );
}
