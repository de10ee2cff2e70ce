import { useId, type FormEvent } from 'react';
import { FormActions } from '@/components/FormActions';
import { FormField } from '@/components/FormField';
import { FormPanel } from '@/components/FormPanel';
import { SelectField } from '@/components/SelectField';
import { StudentPicker } from '@/components/StudentPicker';
import { useCreateAppointment } from '../api/createAppointment';
import {
  toAppointmentInput,
  useAppointmentForm,
  validateAppointment,
  type AppointmentFormValues,
} from '../hooks/useAppointmentForm';
import { APPOINTMENT_TYPES, type Appointment } from '../types';
import { DurationField } from './DurationField';

interface BookAppointmentFormProps {
  /** The suggested start (datetime-local). */
  startsAt: string;
  onCancel: () => void;
  onBooked: (appointment: Appointment) => void;
}

const FIELD_ORDER: Array<keyof AppointmentFormValues> = ['student', 'type', 'startsAt', 'durationMinutes'];

/** Books a visit with the signed-in nurse; the server refuses a slot she already has. */
export function BookAppointmentForm({ startsAt, onCancel, onBooked }: BookAppointmentFormProps) {
  const id = useId();
  const { values, setValue, errors, markSubmitted } = useAppointmentForm(startsAt);
  const mutation = useCreateAppointment({ onSuccess: (appointment) => onBooked(appointment) });
  const fieldId = (name: keyof AppointmentFormValues) => `${id}-${name}`;

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    markSubmitted();
    const found = validateAppointment(values);
    const firstInvalid = FIELD_ORDER.find((name) => found[name]);
    if (firstInvalid) {
      document.getElementById(fieldId(firstInvalid))?.focus();
      return;
    }
    mutation.mutate(toAppointmentInput(values));
  };

  return (
    <FormPanel title="Book an appointment" onCancel={onCancel}>
      <form className="stack" noValidate onSubmit={handleSubmit}>
        <div className="form-grid">
          <StudentPicker
            value={values.student}
            onChange={(student) => setValue('student', student)}
            emptyLabel="Choose a student"
            error={errors.student}
            selectId={fieldId('student')}
            autoFocus
          />
        </div>
        <div className="form-grid">
          <SelectField
            id={fieldId('type')}
            label="Kind of visit"
            error={errors.type}
            value={values.type}
            options={APPOINTMENT_TYPES}
            onChange={(value) => setValue('type', value)}
            placeholder="Choose…"
          />
          <FormField id={fieldId('startsAt')} label="Starts at" error={errors.startsAt}>
            {(control) => (
              <input
                {...control}
                type="datetime-local"
                value={values.startsAt}
                onChange={(event) => setValue('startsAt', event.target.value)}
              />
            )}
          </FormField>
          <DurationField
            id={fieldId('durationMinutes')}
            value={values.durationMinutes}
            error={errors.durationMinutes}
            onChange={(value) => setValue('durationMinutes', value)}
          />
          <FormField id={fieldId('reason')} label="Reason (optional)">
            {(control) => (
              <input
                {...control}
                value={values.reason}
                maxLength={500}
                onChange={(event) => setValue('reason', event.target.value)}
                autoComplete="off"
              />
            )}
          </FormField>
        </div>
        <FormField id={fieldId('notes')} label="Notes (optional)">
          {(control) => (
            <textarea
              {...control}
              rows={3}
              value={values.notes}
              onChange={(event) => setValue('notes', event.target.value)}
            />
          )}
        </FormField>
        <FormActions
          submitLabel="Book appointment"
          pending={mutation.isPending}
          onCancel={onCancel}
          error={mutation.error?.message}
        />
      </form>
    </FormPanel>
  );
}
