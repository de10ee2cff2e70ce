import { useId, useState, type FormEvent } from 'react';
import { CheckboxField } from '@/components/CheckboxField';
import { FormActions } from '@/components/FormActions';
import { FormField } from '@/components/FormField';
import { FormPanel } from '@/components/FormPanel';
import { SelectField } from '@/components/SelectField';
import { useUpdateIncident } from '../api/updateIncident';
import {
  followUpChanges,
  useFollowUpForm,
  validateFollowUp,
  type FollowUpValues,
} from '../hooks/useFollowUpForm';
import { NOTIFICATION_METHODS, type Incident } from '../types';

interface IncidentFollowUpFormProps {
  incident: Incident;
  onCancel: () => void;
  onSaved: () => void;
}

const FIELD_ORDER: Array<keyof FollowUpValues> = ['notificationMethod', 'notifiedAt'];

/** The part of a report that changes after the fact: actions, witnesses, parents, follow-up. */
export function IncidentFollowUpForm({ incident, onCancel, onSaved }: IncidentFollowUpFormProps) {
  const id = useId();
  const { values, setValue, errors, markSubmitted } = useFollowUpForm(incident);
  const [unchanged, setUnchanged] = useState(false);
  const mutation = useUpdateIncident({ onSuccess: () => onSaved() });
  const fieldId = (name: keyof FollowUpValues) => `${id}-${name}`;

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    markSubmitted();
    const found = validateFollowUp(values);
    const firstInvalid = FIELD_ORDER.find((name) => found[name]);
    if (firstInvalid) {
      document.getElementById(fieldId(firstInvalid))?.focus();
      return;
    }
    const changes = followUpChanges(incident, values);
    if (Object.keys(changes).length === 0) {
      setUnchanged(true);
      return;
    }
    setUnchanged(false);
    mutation.mutate({ incidentId: incident.id, changes });
  };

  return (
    <FormPanel title="Update the follow-up" onCancel={onCancel}>
      <form className="stack" noValidate onSubmit={handleSubmit}>
        <FormField id={fieldId('actionsTaken')} label="Actions taken">
          {(control) => (
            <textarea
              {...control}
              rows={3}
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
          <CheckboxField
            id={fieldId('parentNotified')}
            label="Parent notified"
            checked={values.parentNotified}
            onChange={(checked) => setValue('parentNotified', checked)}
          />
          {values.parentNotified && (
            <div className="form-grid">
              <SelectField
                id={fieldId('notificationMethod')}
                label="How"
                error={errors.notificationMethod}
                value={values.notificationMethod}
                options={NOTIFICATION_METHODS}
                onChange={(value) => setValue('notificationMethod', value)}
                placeholder="Choose…"
              />
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
        <CheckboxField
          id={fieldId('followUpRequired')}
          label="Follow-up required"
          checked={values.followUpRequired}
          onChange={(checked) => setValue('followUpRequired', checked)}
        />
        <FormField id={fieldId('followUpNotes')} label="Follow-up notes">
          {(control) => (
            <textarea
              {...control}
              rows={3}
              value={values.followUpNotes}
              onChange={(event) => setValue('followUpNotes', event.target.value)}
            />
          )}
        </FormField>
        {unchanged && (
          <p className="alert alert-info" role="status">
            Nothing has changed yet.
          </p>
        )}
        <FormActions
          submitLabel="Save follow-up"
          pending={mutation.isPending}
          onCancel={onCancel}
          error={mutation.error?.message}
        />
      </form>
    </FormPanel>
  );
}
