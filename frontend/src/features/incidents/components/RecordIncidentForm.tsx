import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { FormActions } from '@/components/FormActions';
import { FormField } from '@/components/FormField';
import { FormPanel } from '@/components/FormPanel';
import { SelectField } from '@/components/SelectField';
import { StudentPicker, type StudentOption } from '@/components/StudentPicker';
import { useCreateIncident } from '../api/createIncident';
import {
  toIncidentInput,
  useIncidentForm,
  validateIncident,
  type IncidentFormValues,
} from '../hooks/useIncidentForm';
import { INCIDENT_SEVERITIES, INCIDENT_TYPES, type Incident } from '../types';
import { FollowUpFields } from './FollowUpFields';

interface RecordIncidentFormProps {
  /** The student the report is about; without it (the Incidents page) the form asks for one. */
  studentId?: string;
  studentName?: string;
  onCancel: () => void;
  onSuccess: (incident: Incident) => void;
  /** Refreshes whatever lists the student's incidents (the profile). */
  onRecorded?: () => Promise<unknown> | void;
}

const FIELD_ORDER: Array<keyof IncidentFormValues> = [
  'type',
  'severity',
  'location',
  'occurredAt',
  'description',
  'notificationMethod',
  'notifiedAt',
];

export function RecordIncidentForm({
  studentId,
  studentName,
  onCancel,
  onSuccess,
  onRecorded,
}: RecordIncidentFormProps) {
  const id = useId();
  const firstFieldRef = useRef<HTMLSelectElement>(null);
  const { values, setValue, errors, submitted, markSubmitted } = useIncidentForm();
  const [picked, setPicked] = useState<StudentOption | null>(null);
  const chooseStudent = studentId === undefined;
  const chosenStudentId = studentId ?? picked?.id;
  const studentError = submitted && !chosenStudentId ? 'Choose a student.' : undefined;
  const mutation = useCreateIncident({
    onSuccess: async (incident) => {
      await onRecorded?.();
      onSuccess(incident);
    },
  });
  const fieldId = (name: keyof IncidentFormValues | 'student') => `${id}-${name}`;

  useEffect(() => {
    // With a student to find, the search box takes focus (autoFocus) instead.
    if (!chooseStudent) firstFieldRef.current?.focus();
  }, [chooseStudent]);

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    markSubmitted();
    if (!chosenStudentId) {
      document.getElementById(fieldId('student'))?.focus();
      return;
    }
    const found = validateIncident(values);
    const firstInvalid = FIELD_ORDER.find((name) => found[name]);
    if (firstInvalid) {
      document.getElementById(fieldId(firstInvalid))?.focus();
      return;
    }
    mutation.mutate(toIncidentInput(chosenStudentId, values));
  };

  return (
    <FormPanel
      title={studentName ? `Record an incident for ${studentName}` : 'Record an incident'}
      onCancel={onCancel}
    >
      <form className="stack" noValidate onSubmit={handleSubmit}>
        {chooseStudent && (
          <div className="form-grid">
            <StudentPicker
              value={picked}
              onChange={setPicked}
              emptyLabel="Choose a student"
              error={studentError}
              selectId={fieldId('student')}
              autoFocus
            />
          </div>
        )}
        <div className="form-grid">
          <SelectField
            id={fieldId('type')}
            label="Type"
            error={errors.type}
            ref={firstFieldRef}
            value={values.type}
            options={INCIDENT_TYPES}
            onChange={(value) => setValue('type', value)}
            placeholder="Choose…"
          />
          <SelectField
            id={fieldId('severity')}
            label="Severity"
            error={errors.severity}
            value={values.severity}
            options={INCIDENT_SEVERITIES}
            onChange={(value) => setValue('severity', value)}
            placeholder="Choose…"
          />
          <FormField id={fieldId('location')} label="Location" error={errors.location}>
            {(control) => (
              <input
                {...control}
                value={values.location}
                onChange={(event) => setValue('location', event.target.value)}
                autoComplete="off"
              />
            )}
          </FormField>
          <FormField id={fieldId('occurredAt')} label="When it happened" error={errors.occurredAt}>
            {(control) => (
              <input
                {...control}
                type="datetime-local"
                value={values.occurredAt}
                onChange={(event) => setValue('occurredAt', event.target.value)}
              />
            )}
          </FormField>
        </div>
        <FormField id={fieldId('description')} label="What happened" error={errors.description}>
          {(control) => (
            <textarea
              {...control}
              rows={3}
              value={values.description}
              onChange={(event) => setValue('description', event.target.value)}
            />
          )}
        </FormField>
        <FollowUpFields values={values} setValue={setValue} errors={errors} fieldId={fieldId} />
        <FormActions
          submitLabel="Save incident"
          pending={mutation.isPending}
          onCancel={onCancel}
          error={mutation.error?.message}
        />
      </form>
    </FormPanel>
  );
}
