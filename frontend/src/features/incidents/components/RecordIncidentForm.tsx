import { useEffect, useId, useRef, type FormEvent, type KeyboardEvent } from 'react';
import { FormField } from '@/components/FormField';
import { humanize } from '@/lib/humanize';
import { useCreateIncident } from '../api/createIncident';
import {
  toIncidentInput,
  useIncidentForm,
  validateIncident,
  type IncidentFormValues,
} from '../hooks/useIncidentForm';
import { INCIDENT_SEVERITIES, INCIDENT_TYPES, NOTIFICATION_METHODS, type Incident } from '../types';

interface RecordIncidentFormProps {
  studentId: string;
  studentName: string;
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
  const titleId = `${id}-title`;
  const firstFieldRef = useRef<HTMLSelectElement>(null);
  const { values, setValue, errors, markSubmitted } = useIncidentForm();
  const mutation = useCreateIncident({
    onSuccess: async (incident) => {
      await onRecorded?.();
      onSuccess(incident);
    },
  });
  const fieldId = (name: keyof IncidentFormValues) => `${id}-${name}`;

  useEffect(() => {
    firstFieldRef.current?.focus();
  }, []);

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    markSubmitted();
    const found = validateIncident(values);
    const firstInvalid = FIELD_ORDER.find((name) => found[name]);
    if (firstInvalid) {
      document.getElementById(fieldId(firstInvalid))?.focus();
      return;
    }
    mutation.mutate(toIncidentInput(studentId, values));
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onCancel();
    }
  };

  return (
    <div className="panel stack" role="dialog" aria-labelledby={titleId} onKeyDown={handleKeyDown}>
      <h3 id={titleId}>Record an incident for {studentName}</h3>
      <form className="stack" noValidate onSubmit={handleSubmit}>
        <div className="form-grid">
          <FormField id={fieldId('type')} label="Type" error={errors.type}>
            {(control) => (
              <select
                {...control}
                ref={firstFieldRef}
                value={values.type}
                onChange={(event) => setValue('type', event.target.value as IncidentFormValues['type'])}
              >
                <option value="">Choose…</option>
                {INCIDENT_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {humanize(type)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField id={fieldId('severity')} label="Severity" error={errors.severity}>
            {(control) => (
              <select
                {...control}
                value={values.severity}
                onChange={(event) =>
                  setValue('severity', event.target.value as IncidentFormValues['severity'])
                }
              >
                <option value="">Choose…</option>
                {INCIDENT_SEVERITIES.map((severity) => (
                  <option key={severity} value={severity}>
                    {humanize(severity)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
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
        <FormField id={fieldId('actionsTaken')} label="Actions taken">
          {(control) => (
            <textarea
              {...control}
              rows={2}
              value={values.actionsTaken}
              onChange={(event) => setValue('actionsTaken', event.target.value)}
            />
          )}
        </FormField>
        <FormField id={fieldId('witnesses')} label="Witnesses (one per line)">
          {(control) => (
            <textarea
              {...control}
              rows={2}
              value={values.witnesses}
              onChange={(event) => setValue('witnesses', event.target.value)}
            />
          )}
        </FormField>
        <fieldset className="stack">
          <legend>Parent or guardian</legend>
          <div className="checkbox-field">
            <input
              id={fieldId('parentNotified')}
              type="checkbox"
              checked={values.parentNotified}
              onChange={(event) => setValue('parentNotified', event.target.checked)}
            />
            <label htmlFor={fieldId('parentNotified')}>Parent notified</label>
          </div>
          {values.parentNotified && (
            <div className="form-grid">
              <FormField id={fieldId('notificationMethod')} label="How" error={errors.notificationMethod}>
                {(control) => (
                  <select
                    {...control}
                    value={values.notificationMethod}
                    onChange={(event) =>
                      setValue(
                        'notificationMethod',
                        event.target.value as IncidentFormValues['notificationMethod'],
                      )
                    }
                  >
                    <option value="">Choose…</option>
                    {NOTIFICATION_METHODS.map((method) => (
                      <option key={method} value={method}>
                        {humanize(method)}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
              <FormField id={fieldId('notifiedBy')} label="Notified by (optional)">
                {(control) => (
                  <input
                    {...control}
                    value={values.notifiedBy}
                    onChange={(event) => setValue('notifiedBy', event.target.value)}
                    autoComplete="off"
                  />
                )}
              </FormField>
              <FormField id={fieldId('notifiedAt')} label="Notified at" error={errors.notifiedAt}>
                {(control) => (
                  <input
                    {...control}
                    type="datetime-local"
                    value={values.notifiedAt}
                    onChange={(event) => setValue('notifiedAt', event.target.value)}
                  />
                )}
              </FormField>
            </div>
          )}
        </fieldset>
        <div className="checkbox-field">
          <input
            id={fieldId('followUpRequired')}
            type="checkbox"
            checked={values.followUpRequired}
            onChange={(event) => setValue('followUpRequired', event.target.checked)}
          />
          <label htmlFor={fieldId('followUpRequired')}>Follow-up required</label>
        </div>
        {mutation.isError && (
          <p className="alert alert-error" role="alert">
            {mutation.error.message}
          </p>
        )}
        <div className="row">
          <button type="submit" className="button button-primary" disabled={mutation.isPending}>
            {mutation.isPending ? 'Saving…' : 'Save incident'}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
